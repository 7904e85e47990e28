using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Days;

/// <summary>
/// One logged day's full entry, its own document so that reading progress never loads entries. A record: the
/// projection stores a changed copy, which Marten's identity map accepts only for equatable documents.
/// </summary>
public sealed record DayEntry
{
    public string Id { get; set; } = "";
    public Guid NotebookId { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string? Entry { get; set; }
    public int? Minutes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
    public bool Backfilled { get; set; }

    public static string IdFor(Guid notebookId, DateOnly date) => $"{notebookId:N}/{date:yyyy-MM-dd}";
}

/// <summary>
/// Registered with identity tracking (see <see cref="NotebookEvents"/>): a rebuild replays hundreds of events per
/// batch, and a revision must find the entry its own batch created, not the database's older copy or nothing.
/// </summary>
public sealed partial class DayEntryProjection : EventProjection
{
    // An event projection cannot tell which documents it writes: name them, so a rebuild starts from none.
    public DayEntryProjection() => Options.DeleteViewTypeOnTeardown<DayEntry>();

    public static DayEntry Create(IEvent<DayLogged> e) => new()
    {
        Id = DayEntry.IdFor(e.StreamId, e.Data.Date),
        NotebookId = e.StreamId,
        Date = e.Data.Date,
        Title = e.Data.Title,
        Summary = e.Data.Summary,
        Entry = e.Data.Entry,
        Minutes = e.Data.Minutes,
        RecordedAt = EventTimes.Of(e),
        Backfilled = e.Data.Backfilled,
    };

    public static async Task Project(IEvent<DayRevised> e, IDocumentOperations ops)
    {
        var entry = await ops.LoadAsync<DayEntry>(DayEntry.IdFor(e.StreamId, e.Data.Date));
        if (entry is null) return;
        // A changed copy, not the tracked document changed in place, which the batch may be writing meanwhile.
        ops.Store(entry with
        {
            Title = e.Data.Title,
            Summary = e.Data.Summary,
            Entry = e.Data.Entry,
            Minutes = e.Data.Minutes,
            RevisedAt = EventTimes.Of(e),
        });
    }

    public static void Project(IEvent<DayRetracted> e, IDocumentOperations ops) =>
        ops.Delete<DayEntry>(DayEntry.IdFor(e.StreamId, e.Data.Date));
}

public static class GetDayEndpoint
{
    [WolverineGet("/api/notebooks/{notebookId}/days/{date}")]
    [Tags("Days")]
    [EndpointSummary("One day's full entry (\"Read more\")")]
    [ProducesResponseType<DayPageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, string date, IQuerySession session, HttpContext context)
    {
        var fields = new Rules.FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Problem() is { } invalid) return Results.Problem(invalid);

        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(notebookId);
        var entryLoad = batch.Load<DayEntry>(DayEntry.IdFor(notebookId, day));
        await batch.Execute(context.RequestAborted);
        var (progress, entry) = (await progressLoad, await entryLoad);

        if (progress is null) return Results.Problem(ProblemTypes.NotebookMissing(notebookId));
        if (entry is null) return Results.Problem(RouteDates.NoEntry(day));
        if (ETags.NotModified(context, progress.Version)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var dayNumber = progress.Days.Count(d => d.Date <= day);
        return TypedResults.Ok(new DayPageResponse(dayNumber, entry.Date, entry.Title, entry.Summary, entry.Entry, entry.Minutes,
            entry.RecordedAt, entry.RevisedAt, entry.Backfilled));
    }
}
