using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class ResumeNotebookEndpoint
{
    public static Task<Decision> LoadAsync(NotebookProgress progress, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpRequest request, TimeProvider clock, CancellationToken ct) =>
        Idempotency.DecideOnceAsync(session, request, null, clock.GetUtcNow(), lockKey: false, () =>
            NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(notebook)), ct);

    public static IResult Validate(Decision decision) => decision.AsResult();

    [WolverinePost("/api/notebooks/{notebookId}/resume")]
    [Tags("Notebooks")]
    [EndpointSummary("Resume an abandoned notebook")]
    public static (Ok<VersionResponse>, Events, IMartenOp) Post(
        [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision,
        HttpResponse response, TimeProvider clock) =>
        NotebookResponses.Remembered(progress, decision, response, clock);

    public static Decision Decide(Notebook notebook) =>
        notebook.Status != NotebookStatus.Abandoned
            ? Decision.Reject(ProblemTypes.Conflict(ProblemTypes.NotebookNotAbandoned, $"The notebook is {notebook.Status}, not abandoned."))
            : Decision.Accept(new NotebookResumed());
}
