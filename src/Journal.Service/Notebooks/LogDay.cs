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

public static class LogDayEndpoint
{
    public static Task<Decision> LoadAsync(LogDay command, NotebookProgress progress, TimeProvider clock, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Idempotency.DecideOnceAsync(session, request, command, now, lockKey: false, () =>
            NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook, now)), ct);
    }

    public static IResult Validate(Decision decision) => decision.AsResult();

    [WolverinePost("/api/notebooks/{notebookId}/days")]
    [Tags("Days")]
    [EndpointSummary("Log a study day")]
    public static (Created<DayLoggedResponse>, Events, IMartenOp) Post(
        LogDay command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision,
        HttpResponse response, TimeProvider clock)
    {
        var logged = decision.The<DayLogged>();
        var version = progress.Version + decision.Events.Count;
        var body = new DayLoggedResponse(logged.Date, progress.Days.Count(d => d.Date < logged.Date) + 1, version);
        var location = $"/api/notebooks/{progress.Id}/days/{logged.Date:yyyy-MM-dd}";
        ETags.Write(response, version);
        return (TypedResults.Created(location, body), [.. decision.Events],
            Idempotency.Remember(decision.Ticket, StatusCodes.Status201Created, body, location, version, clock.GetUtcNow()));
    }

    public static Decision Decide(LogDay? command, Notebook notebook, DateTimeOffset now)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        var title = fields.Line("title", command.Title, 200, required: true);
        var summary = fields.Block("summary", command.Summary, 2_000);
        var entry = fields.Block("entry", command.Entry, 100_000);
        fields.Range("minutes", command.Minutes, 1, 1440);

        var today = NotebookPreconditions.Today(notebook, now);
        var date = command.Date ?? today;
        if (date < notebook.StartDate)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is before the notebook's start ({notebook.StartDate:yyyy-MM-dd}).");
        if (date > today)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is in the future; today is {today:yyyy-MM-dd} in {notebook.TimeZone}.");
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);

        if (NotebookPreconditions.InProgress(notebook) is { } closed) return Decision.Reject(closed);
        if (notebook.LoggedDates.Contains(date))
            return Decision.Reject(ProblemTypes.Conflict(ProblemTypes.DateAlreadyLogged,
                $"{date:yyyy-MM-dd} already has an entry (Day {notebook.DayNumberOf(date)}); revise it with PUT instead."));

        var logged = new DayLogged(date, title!, summary, entry, command.Minutes,
            RecordedOn: today, Backfilled: date < today, SupersededSkip: notebook.SkippedDates.Contains(date));
        return Decision.Accept([logged, .. NotebookPreconditions.StatusAfter(notebook, notebook.LoggedDates.Count + 1, notebook.Plan.Days)]);
    }
}
