using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class AbandonNotebookEndpoint
{
    public static Task<Decision> LoadAsync(AbandonNotebook? command, NotebookProgress progress, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpRequest request, TimeProvider clock, CancellationToken ct) =>
        Idempotency.DecideOnceAsync(session, request, command, clock.GetUtcNow(), lockKey: false, () =>
            NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook)), ct);

    public static IResult Validate(Decision decision) => decision.AsResult();

    [WolverinePost("/api/notebooks/{notebookId}/abandon")]
    [Tags("Notebooks")]
    [EndpointSummary("Abandon the notebook (the body, with a reason, is optional)")]
    public static (Ok<VersionResponse>, Events, IMartenOp) Post(
        AbandonNotebook? command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision,
        HttpResponse response, TimeProvider clock) =>
        NotebookResponses.Remembered(progress, decision, response, clock);

    public static Decision Decide(AbandonNotebook? command, Notebook notebook)
    {
        var fields = new FieldRules();
        var reason = fields.Line("reason", command?.Reason, 500, required: false);
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (notebook.Status == NotebookStatus.Completed)
            return Decision.Reject(ProblemTypes.Conflict(ProblemTypes.NotebookCompleted,
                $"The notebook is completed ({notebook.LoggedDates.Count} / {notebook.Plan.Days} days); a completed notebook cannot be abandoned."));
        if (NotebookPreconditions.NotAbandoned(notebook) is { } abandoned) return Decision.Reject(abandoned);
        return Decision.Accept(new NotebookAbandoned(reason));
    }
}
