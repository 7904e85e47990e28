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
        // The index (NotebookIndex) filters and sorts an account's notebooks by these columns; the account's rows are
        // found by the key's tenant prefix, so an index of the columns would only cost every command an update.
        opts.Schema.For<NotebookProgress>()
            .Duplicate(p => p.Status, configure: NeverIndexed)
            .Duplicate(p => p.LastActivityAt, configure: NeverIndexed);
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
    /// Marten indexes every duplicated column; these are read beside their row's key, never searched across accounts.
    /// Their indexes hold no row (a predicate no row meets), so a command writes two index entries fewer per document,
    /// and a summary of 2,000 characters that takes more than a third of a page (CJK text: 6,000 bytes) is not refused
    /// by a B-tree, as it was while the day cards' columns were indexed.
    /// </summary>
    private static void NeverIndexed(Marten.Schema.DocumentIndex index) => index.Predicate = "false";

    /// <summary>
    /// Only rebuilds (`projections rebuild`) page through the events; live appends project inline. Pages larger
    /// than the default 500 events cut the round trips and transactions per event (docs/performance.md, replay).
    /// </summary>
    private static void Rebuilds(AsyncOptions options) => options.BatchSize = 2_500;
}
