using JasperFx.Events;
using JasperFx.Events.Projections;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;

namespace Journal.Notebooks;

/// <summary>The notebooks' part of the store: stored event names, the append mode and the inline projections.</summary>
public static class NotebooksConfiguration
{
    public static StoreOptions ConfigureNotebooks(this StoreOptions opts)
    {
        foreach (var (type, name) in NotebookEvents.Names) opts.Events.MapEventType(type, name);
        // Quick appends in one statement; FetchForWriting gives inline projections each event's version, and this mode
        // stores the timestamps the service gives its events (the instant each was decided at: NotebookCommands).
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
        // A day card's title and summary in columns of their own: the progress GET reads them without detoasting the
        // whole entry (DayTexts). Rows written before they existed hold nulls there until a rebuild; DayTexts reads
        // those from the document.
        opts.Schema.For<DayEntry>()
            .Duplicate(d => d.NotebookId)
            .Duplicate(d => d.Title, configure: NeverIndexed)
            .Duplicate(d => d.Summary, configure: NeverIndexed);
        return opts;
    }

    /// <summary>
    /// Marten indexes every duplicated column, but the cards' title and summary are only read beside their key, never
    /// searched: their indexes hold no row (a predicate no row meets), so a LogDay maintains two indexes fewer, and a
    /// summary of 2,000 characters that takes more than a third of a page (CJK text: 6,000 bytes) is not refused by
    /// PostgreSQL's B-tree, as it was while these were real indexes.
    /// </summary>
    private static void NeverIndexed(Marten.Schema.DocumentIndex index) => index.Predicate = "false";

    /// <summary>
    /// Only rebuilds (`projections rebuild`) page through the events; live appends project inline. Pages larger
    /// than the default 500 events cut the round trips and transactions per event (docs/performance.md, replay).
    /// </summary>
    private static void Rebuilds(AsyncOptions options) => options.BatchSize = 2_500;
}
