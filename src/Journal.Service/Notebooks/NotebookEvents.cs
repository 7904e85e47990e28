using JasperFx.Events;
using JasperFx.Events.Projections;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;

namespace Journal.Notebooks;

public static class NotebookEvents
{
    /// <summary>
    /// Stored event names, fixed here once: renaming or moving a class never breaks a stream.
    /// Never change a name on the right; add new events with new names.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(NotebookStarted)] = "notebook_started",
        [typeof(DayLogged)] = "day_logged",
        [typeof(DayRevised)] = "day_revised",
        [typeof(DayRetracted)] = "day_retracted",
        [typeof(DaySkipped)] = "day_skipped",
        [typeof(SkipCancelled)] = "skip_cancelled",
        [typeof(PlanChanged)] = "plan_changed",
        [typeof(TimeZoneChanged)] = "time_zone_changed",
        [typeof(NotebookCompleted)] = "notebook_completed",
        [typeof(NotebookReopened)] = "notebook_reopened",
        [typeof(NotebookAbandoned)] = "notebook_abandoned",
        [typeof(NotebookResumed)] = "notebook_resumed",
    };

    public static void Register(StoreOptions opts)
    {
        foreach (var (type, name) in Names) opts.Events.MapEventType(type, name);
        // Quick appends in one statement; FetchForWriting gives inline projections each event's version, and
        // this mode stamps events with the service's clock and stores those same timestamps.
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        // Progress is both the read model and, loaded under the stream lock, the write model (Notebook.From):
        // the inline projection applies the new events to the very instance the command loaded.
        opts.Projections.Add<NotebookProgressProjection>(ProjectionLifecycle.Inline, Rebuilds);
        // A revision must find the entry its own rebuild batch created, not the database's older copy or nothing.
        opts.Projections.Add<DayEntryProjection>(ProjectionLifecycle.Inline, rebuild =>
        {
            Rebuilds(rebuild);
            rebuild.EnableDocumentTrackingByIdentity = true;
        });
        opts.Schema.For<NotebookProgress>()
            .Duplicate(p => p.Status)
            .Duplicate(p => p.LastActivityAt);
        opts.Schema.For<DayEntry>().Duplicate(d => d.NotebookId);
    }

    /// <summary>
    /// Only rebuilds (`projections rebuild`) page through the events; live appends project inline. Pages larger
    /// than the default 500 events cut the round trips and transactions per event (docs/performance.md, replay).
    /// </summary>
    private static void Rebuilds(AsyncOptions options) => options.BatchSize = 2_500;
}
