using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class AbandonNotebookEndpoint
{
    public static Decision Load(AbandonNotebook? command, Notebook notebook, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.IfMatch(ifMatch, notebook) is { } stale ? Decision.Reject(stale) : Decide(command, notebook);

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverinePost("/api/notebooks/{notebookId}/abandon")]
    [DeduplicatedWithResponse(DeduplicationScope.Endpoint, Required = false)]
    [Tags("Notebooks")]
    [EndpointSummary("Abandon the notebook (the body, with a reason, is optional)")]
    public static (Ok<VersionResponse>, Events) Post(
        AbandonNotebook? command, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Notebook notebook, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(notebook, decision, response), [.. decision.Events]);

    public static Decision Decide(AbandonNotebook? command, Notebook notebook)
    {
        var fields = new FieldRules();
        var reason = fields.Line("reason", command?.Reason, 500, required: false);
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (NotebookPreconditions.InProgress(notebook) is { } closed) return Decision.Reject(closed);
        return Decision.Accept(new NotebookAbandoned(reason));
    }
}
