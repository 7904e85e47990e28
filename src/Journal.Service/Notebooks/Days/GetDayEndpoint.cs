using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Days;

public static class GetDayEndpoint
{
    [WolverineGet("/api/notebooks/{notebookId}/days/{date}", OperationId = "getDay")]
    [Tags("Days")]
    [EndpointSummary("Read one day in full")]
    [EndpointDescription("Everything recorded for one study day (the \"Read more\" page): its number in the run, title, summary, the full entry in Markdown, minutes, when it was recorded and last revised, and whether it was logged after the day had passed. Answers with the notebook's version as an ETag; send it back as If-None-Match to get 304 while nothing changed.")]
    [ProducesResponseType<DayPageResponse>(StatusCodes.Status200OK, Description = "The day's entry.")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json", Description = "No such notebook (`/problems/notebook-not-found`), or no entry on that date (`/problems/day-not-found`).")]
    public static async Task<IResult> Get(Guid notebookId, string date, IQuerySession session, HttpContext context)
    {
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Refusal() is { } invalid) return Problems.Result(invalid);

        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(notebookId);
        var entryLoad = batch.Load<DayEntry>(DayEntry.IdFor(notebookId, day));
        await batch.Execute(context.RequestAborted);
        var (progress, entry) = (await progressLoad, await entryLoad);

        if (progress is null) return Problems.Result(Refusals.NotebookMissing(notebookId));
        if (entry is null) return Problems.Result(Refusals.NoEntry(day));
        if (ETags.NotModified(context, progress.Version)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var dayNumber = DayNumbers.Of(day, progress.Days.Select(d => d.Date));
        return TypedResults.Ok(new DayPageResponse(dayNumber, entry.Date, entry.Title, entry.Summary, entry.Entry, entry.Minutes,
            entry.RecordedAt, entry.RevisedAt, entry.Backfilled));
    }
}
