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

public static class SkipDayEndpoint
{
    /// <summary>How far ahead of today a rest day may be planned.</summary>
    public const int MaxDaysAhead = 30;

    public static Task<Decision> LoadAsync(SkipDay command, NotebookProgress progress, TimeProvider clock, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Idempotency.DecideOnceAsync(session, request, command, now, lockKey: false, () =>
            NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook, now)), ct);
    }

    public static IResult Validate(Decision decision) => decision.AsResult();

    [WolverinePost("/api/notebooks/{notebookId}/skips")]
    [Tags("Days")]
    [EndpointSummary("Skip a day on purpose (a rest day)")]
    public static (Created<DayResponse>, Events, IMartenOp) Post(
        SkipDay command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision,
        HttpResponse response, TimeProvider clock)
    {
        var skipped = decision.The<DaySkipped>();
        var version = progress.Version + decision.Events.Count;
        var body = new DayResponse(skipped.Date, version);
        var location = $"/api/notebooks/{progress.Id}/skips/{skipped.Date:yyyy-MM-dd}";
        ETags.Write(response, version);
        return (TypedResults.Created(location, body), [.. decision.Events],
            Idempotency.Remember(decision.Ticket, StatusCodes.Status201Created, body, location, version, clock.GetUtcNow()));
    }

    public static Decision Decide(SkipDay? command, Notebook notebook, DateTimeOffset now)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        var reason = fields.Line("reason", command.Reason, 500, required: false);
        var today = NotebookPreconditions.Today(notebook, now);
        var date = command.Date ?? today;
        if (date < notebook.StartDate)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is before the notebook's start ({notebook.StartDate:yyyy-MM-dd}).");
        if (date > today.AddDays(MaxDaysAhead))
            fields.Fail("date", $"date {date:yyyy-MM-dd} is more than {MaxDaysAhead} days ahead of today ({today:yyyy-MM-dd}).");
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);

        if (NotebookPreconditions.InProgress(notebook) is { } closed) return Decision.Reject(closed);
        if (notebook.LoggedDates.Contains(date))
            return Decision.Reject(ProblemTypes.Conflict(ProblemTypes.DateAlreadyLogged, $"{date:yyyy-MM-dd} already has an entry; retract it first to rest instead."));
        if (notebook.SkippedDates.Contains(date))
            return Decision.Reject(ProblemTypes.Conflict(ProblemTypes.DateAlreadySkipped, $"{date:yyyy-MM-dd} is already a rest day."));

        return Decision.Accept(new DaySkipped(date, reason, RecordedOn: today, Late: date < today));
    }
}
