using System.Globalization;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Progress;

public static class GetNotebookProgressEndpoint
{
    /// <summary>
    /// The notebook's progress now, or seen back in time: <c>?version=N</c> (after the first N events),
    /// <c>?asOf=instant</c> (events recorded by then; today = that instant's local date) or
    /// <c>?on=date</c> (facts dated on or before it; today = that date). At most one of them.
    /// </summary>
    [WolverineGet("/api/notebooks/{notebookId}")]
    [Tags("Notebooks")]
    [EndpointSummary("A notebook's progress: days, streaks, pace; optionally as of a version, an instant or a date")]
    [ProducesResponseType<NotebookProgressResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, string? version, string? asOf, string? on,
        IQuerySession session, TimeProvider clock, HttpContext context)
    {
        var ct = context.RequestAborted;
        var travel = TimeTravel.Parse(version, asOf, on);
        if (travel.Problem is { } invalid) return Results.Problem(invalid);

        if (travel.IsNow)
        {
            var progress = await session.LoadAsync<NotebookProgress>(notebookId, ct);
            if (progress is null) return Results.Problem(ProblemTypes.NotebookMissing(notebookId));
            if (ETags.NotModified(context, progress.Version)) return Results.StatusCode(StatusCodes.Status304NotModified);
            return TypedResults.Ok(ProgressView.Build(progress, ProgressView.Today(progress, clock.GetUtcNow())));
        }

        var events = await session.Events.FetchStreamAsync(notebookId, token: ct);
        if (events.Count == 0) return Results.Problem(ProblemTypes.NotebookMissing(notebookId));
        if (travel.Version > events.Count)
            return Results.Problem(ProblemTypes.Validation(new Dictionary<string, string[]>
            {
                ["version"] = [$"version must be between 1 and the notebook's current version, {events.Count}."],
            }));

        var (state, today) = travel switch
        {
            { Version: { } n } => (ProgressFold.Fold(events.Take((int)n)), (DateOnly?)null),
            { AsOf: { } instant } => (ProgressFold.Fold(events.Where(e => e.Timestamp <= instant)), null),
            { On: { } date } => (ProgressFold.FoldOn(events, date), date),
            _ => throw new InvalidOperationException("unreachable"),
        };
        if (state is null)
            return Results.Problem(ProblemTypes.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotebookNotFound,
                "The notebook did not exist yet", $"Notebook {notebookId} was started after {asOf}."));
        var localToday = today ?? ProgressView.Today(state, travel.AsOf ?? clock.GetUtcNow());
        return TypedResults.Ok(ProgressView.Build(state, localToday));
    }
}

/// <summary>The parsed time-travel query of a progress read; pure.</summary>
public sealed record TimeTravel(long? Version, DateTimeOffset? AsOf, DateOnly? On, ProblemDetails? Problem)
{
    public bool IsNow => Version is null && AsOf is null && On is null;

    public static TimeTravel Parse(string? version, string? asOf, string? on)
    {
        var fields = new FieldRules();
        var given = new[] { version, asOf, on }.Count(v => v is not null);
        if (given > 1) fields.Fail("version", "Give at most one of version, asOf and on.");

        long? n = null;
        if (version is not null)
        {
            if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1) n = parsed;
            else fields.Fail("version", "version must be a whole number, 1 or more.");
        }
        DateTimeOffset? instant = null;
        if (asOf is not null)
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                && asOf.Contains('T', StringComparison.Ordinal))
                instant = parsed;
            else fields.Fail("asOf", "asOf must be an ISO 8601 instant, e.g. 2026-03-10T12:00:00Z.");
        }
        DateOnly? date = null;
        if (on is not null)
        {
            date = IsoDates.Parse(on);
            if (date is null) fields.Fail("on", "on must be a date written yyyy-MM-dd.");
        }
        return new TimeTravel(n, instant, date, fields.Problem());
    }
}
