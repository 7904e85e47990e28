using Journal.Contracts;
using Journal.Http;
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
    [WolverineGet("/api/notebooks/{notebookId}", OperationId = "getNotebookProgress")]
    [Tags("Notebooks")]
    [EndpointSummary("A notebook's progress")]
    [EndpointDescription("The notebook as the notebook page shows it: title, spark, status, plan, \"6 / 10 days\", streaks, pace, the most recent day cards (30 unless `days` asks for more or fewer; `daysLogged` counts them all), every rest day, and what today is in its time zone. Look back with at most one of `version` (after the first N events), `asOf` (as recorded by an instant) or `on` (as it stood on a date). The current progress carries its version as an ETag; send it back as If-None-Match to get 304 while nothing changed.")]
    [ProducesResponseType<NotebookProgressResponse>(StatusCodes.Status200OK, Description = "The notebook's progress, now or as it stood at the moment asked for.")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, string? version, string? asOf, string? on, string? days,
        IQuerySession session, TimeProvider clock, HttpContext context)
    {
        var ct = context.RequestAborted;
        var travel = TimeTravel.Parse(version, asOf, on);
        if (travel.Refusal is { } invalid) return Problems.Result(invalid);
        var fields = new FieldRules();
        var shown = (int)fields.WholeNumber("days", days, ProgressView.DefaultDays, 0, Limits.PlanDaysMax);
        if (fields.Refusal() is { } badDays) return Problems.Result(badDays);

        if (travel.IsNow)
        {
            var progress = await session.LoadAsync<NotebookProgress>(notebookId, ct);
            if (progress is null) return Problems.Result(Refusals.NotebookMissing(notebookId));
            if (ETags.NotModified(context, progress.Version)) return Results.StatusCode(StatusCodes.Status304NotModified);
            var texts = await DayTexts.LoadAsync(session, notebookId, ProgressView.Shown(progress, shown), ct);
            return TypedResults.Ok(ProgressView.Build(progress, ProgressView.Today(progress, clock.GetUtcNow()), texts, shown));
        }

        var events = await session.Events.FetchStreamAsync(notebookId, token: ct);
        if (events.Count == 0) return Problems.Result(Refusals.NotebookMissing(notebookId));
        if (travel.Version > events.Count)
            return Problems.Result(Refusals.Invalid(new Dictionary<string, string[]>
            {
                ["version"] = [$"version must be between 1 and the notebook's current version, {events.Count}."],
            }));

        var (state, kept, today) = travel switch
        {
            { Version: { } n } => (ProgressFold.Fold(events.Take((int)n)), events.Take((int)n), (DateOnly?)null),
            { AsOf: { } instant } => (ProgressFold.Fold(events.Where(e => e.Timestamp <= instant)), events.Where(e => e.Timestamp <= instant), null),
            { On: { } date } => (ProgressFold.FoldOn(events, date), ProgressFold.KeptOn(events, date), date),
            _ => throw new InvalidOperationException("unreachable"),
        };
        // Before the notebook, both ways of looking back find nothing: recorded after the instant, or starting after the date.
        if (state is null)
            return Problems.Result(new Refusal(RefusalKind.NotFound, Refusals.NotebookNotFound,
                "The notebook did not exist yet", $"Notebook {notebookId} was started after {asOf}."));
        if (travel.On is { } onDate && onDate < state.StartDate)
            return Problems.Result(new Refusal(RefusalKind.NotFound, Refusals.NotebookNotFound,
                "The notebook did not exist yet", $"Notebook {notebookId} starts on {state.StartDate:yyyy-MM-dd}, after {onDate:yyyy-MM-dd}."));
        var localToday = today ?? ProgressView.Today(state, travel.AsOf ?? clock.GetUtcNow());
        return TypedResults.Ok(ProgressView.Build(state, localToday, DayTexts.Fold(kept), shown));
    }
}
