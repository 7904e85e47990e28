using JasperFx.Events;
using Journal.Notebooks.Progress;
using Marten;
using Marten.Events.Projections;

namespace Journal.Notebooks.Days;

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
