using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten.Exceptions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class StartNotebookEndpoint
{
    /// <summary>How far from today a start date may lie, either way.</summary>
    public const int StartDateWindowDays = 366;

    public static Task<Decision> LoadAsync(StartNotebook command, TimeProvider clock, IDocumentSession session, HttpRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Idempotency.DecideOnceAsync(session, request, command, now, lockKey: true, () => Decide(command, now, Guid.CreateVersion7), ct);
    }

    public static IResult Validate(Decision decision) => decision.AsResult();

    [WolverinePost("/api/notebooks")]
    [Tags("Notebooks")]
    [EndpointSummary("Start a notebook")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static (Created<NotebookStartedResponse>, IStartStream, IMartenOp) Post(
        StartNotebook command, [NotBody] Decision decision, HttpResponse response, TimeProvider clock)
    {
        var started = decision.The<NotebookStarted>();
        var body = new NotebookStartedResponse(started.NotebookId, 1);
        var location = $"/api/notebooks/{started.NotebookId}";
        ETags.Write(response, 1);
        return (TypedResults.Created(location, body), MartenOps.StartStream<NotebookProgress>(started.NotebookId, started),
            Idempotency.Remember(decision.Ticket, StatusCodes.Status201Created, body, location, 1, clock.GetUtcNow()));
    }

    /// <summary>A client-chosen id that is taken is a conflict, found when the stream is started.</summary>
    public static ProblemDetails OnException(ExistingStreamIdCollisionException e) =>
        ProblemTypes.Problem(StatusCodes.Status409Conflict, ProblemTypes.NotebookExists, "The notebook id is taken",
            $"A notebook with id {e.Id} already exists.");

    public static Decision Decide(StartNotebook? command, DateTimeOffset now, Func<Guid> newId)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        if (command.Id == Guid.Empty) fields.Fail("id", "id may not be the empty GUID; leave it out to have one made.");
        var title = fields.Line("title", command.Title, 200, required: true);
        var spark = fields.Block("spark", command.Spark, 10_000);
        var plan = PlanRules.Check(fields, "plan", command.Plan);
        var zone = TimeZones.FindIana(command.TimeZone ?? "UTC");
        if (zone is null) fields.Fail("timeZone", $"timeZone must be an IANA time zone id such as \"Europe/Berlin\"; \"{command.TimeZone}\" is not one.");
        var dayStartsAt = command.DayStartsAt ?? TimeOnly.MinValue;

        var today = LocalDates.Today(now, zone ?? TimeZoneInfo.Utc, dayStartsAt);
        var startDate = command.StartDate ?? today;
        if (Math.Abs(startDate.DayNumber - today.DayNumber) > StartDateWindowDays)
            fields.Fail("startDate", $"startDate must lie within {StartDateWindowDays} days of today ({today:yyyy-MM-dd}).");

        if (fields.Problem() is { } problem) return Decision.Reject(problem);
        return Decision.Accept(new NotebookStarted(command.Id ?? newId(), title!, spark, plan!, startDate, command.TimeZone ?? "UTC", dayStartsAt));
    }
}
