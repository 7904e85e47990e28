using JasperFx.Events;
using Journal.Notebooks.Days;
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
    /// The title and summary of the given logged days as stored now: by their entries' keys, only those two fields,
    /// never the entries themselves; no query at all for no days.
    /// </summary>
    public static async Task<IReadOnlyDictionary<DateOnly, DayText>> LoadAsync(IQuerySession session, Guid notebookId, IEnumerable<DateOnly> dates, CancellationToken ct)
    {
        var ids = dates.Select(date => DayEntry.IdFor(notebookId, date)).ToArray();
        if (ids.Length == 0) return None;
        var rows = await session.Query<DayEntry>().Where(d => d.Id.IsOneOf(ids))
            .Select(d => new { d.Date, d.Title, d.Summary }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Date, r => new DayText(r.Title, r.Summary));
    }

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
