using Journal.Contracts;
using Journal.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class ResumeNotebookEndpoint
{
    public static Decision Load(Notebook notebook, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.IfMatch(ifMatch, notebook) is { } stale ? Decision.Reject(stale) : Decide(notebook);

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverinePost("/api/notebooks/{notebookId}/resume")]
    [DeduplicatedWithResponse(DeduplicationScope.Endpoint, Required = false)]
    [Tags("Notebooks")]
    [EndpointSummary("Resume an abandoned notebook")]
    public static (Ok<VersionResponse>, Events) Post(
        [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Notebook notebook, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(notebook, decision, response), [.. decision.Events]);

    public static Decision Decide(Notebook notebook) =>
        notebook.Status != NotebookStatus.Abandoned
            ? Decision.Reject(ProblemTypes.Conflict(ProblemTypes.NotebookNotAbandoned, $"The notebook is {notebook.Status}, not abandoned."))
            : Decision.Accept(new NotebookResumed());
}
