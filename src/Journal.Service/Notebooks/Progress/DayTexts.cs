using JasperFx.Events;
using Journal.Notebooks.Days;
using Journal.Hosting;
using Marten;

namespace Journal.Notebooks.Progress;

/// <summary>What a day card says: its title and summary.</summary>
public sealed record DayText(string Title, string? Summary);

/// <summary>
/// The day cards' text. The progress document, which every command loads and rewrites, keeps only the dates and
/// figures the rules need; the text a card shows comes from the day entries (now) or from the events (the past), so a
/// long notebook costs a command no more than a short one.
/// </summary>
public static class DayTexts
{
    public static readonly IReadOnlyDictionary<DateOnly, DayText> None = new Dictionary<DateOnly, DayText>();

    /// <summary>
    /// The title and summary of the given logged days as stored now, from the entries' title and summary columns, never
    /// the entries themselves (a 2,000-character entry is stored compressed, and reading any field of the document
    /// decompresses all of it); no query at all for no days. The shown days are the most recent logged ones, so their
    /// entries are one run of keys (notebook/date): read as one range of the key's index, not a lookup per day; an
    /// entry in the range that was not asked for is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<DateOnly, DayText>> LoadAsync(IQuerySession session, Guid notebookId, IEnumerable<DateOnly> dates, CancellationToken ct)
    {
        var byId = dates.ToDictionary(date => DayEntry.IdFor(notebookId, date));
        if (byId.Count == 0) return None;
        var (first, last) = (byId.Values.Min(), byId.Values.Max());
        var rows = await session.AdvancedSql.QueryAsync<StoredText>(CardsSql, ct,
            session.TenantId, DayEntry.IdFor(notebookId, first), DayEntry.IdFor(notebookId, last));
        var texts = new Dictionary<DateOnly, DayText>(byId.Count);
        foreach (var row in rows)
            if (byId.TryGetValue(row.Key, out var date)) texts[date] = new DayText(row.Title, row.Summary);
        return texts;
    }

    /// <summary>An entry's card text as <see cref="CardsSql"/> reads it.</summary>
    private sealed record StoredText(string Key, string Title, string? Summary);

    /// <summary>
    /// The columns Marten keeps beside the document (NotebooksConfiguration); a row written before they existed has a
    /// null title there, and is read from its document instead.
    /// </summary>
    private const string CardsSql =
        $"select jsonb_build_object('Key', d.id, 'Title', coalesce(d.title, d.data ->> 'Title'), " +
        $"'Summary', case when d.title is null then d.data ->> 'Summary' else d.summary end) " +
        $"from {Persistence.Schema}.mt_doc_dayentry as d where d.tenant_id = ? and d.id between ? and ?";

    /// <summary>Every logged day's title and summary (pages that show every card).</summary>
    public static Task<IReadOnlyDictionary<DateOnly, DayText>> LoadAsync(IQuerySession session, NotebookProgress progress, CancellationToken ct) =>
        LoadAsync(session, progress.Id, progress.Days.Select(d => d.Date), ct);

    /// <summary>The titles and summaries the given events leave: for views of the past, folded from the same events as the progress.</summary>
    public static IReadOnlyDictionary<DateOnly, DayText> Fold(IEnumerable<IEvent> events)
    {
        var texts = new Dictionary<DateOnly, DayText>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case DayLogged logged:
                    texts[logged.Date] = new DayText(logged.Title, logged.Summary);
                    break;
                case DayRevised revised when texts.ContainsKey(revised.Date):
                    texts[revised.Date] = new DayText(revised.Title, revised.Summary);
                    break;
                case DayRetracted retracted:
                    texts.Remove(retracted.Date);
                    break;
            }
        }
        return texts;
    }

    /// <summary>The card text of <paramref name="date"/>; a day whose entry is missing reads as untitled rather than failing.</summary>
    public static DayText Of(this IReadOnlyDictionary<DateOnly, DayText> texts, DateOnly date) =>
        texts.TryGetValue(date, out var text) ? text : new DayText("", null);
}
