using JasperFx.Events;
using Journal.Notebooks.Days;
using Journal.Hosting;
using Marten;
using Marten.Storage;
using Npgsql;

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
        // Three text columns read as they are, on a pooled connection of the session's database: no JSON built by
        // PostgreSQL and parsed again here, as Marten's SQL queries would (30 cards of 300 characters per page).
        await using var connection = session.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(CardsSql, connection)
        {
            Parameters =
            {
                new() { Value = session.TenantId },
                new() { Value = DayEntry.IdFor(notebookId, first) },
                new() { Value = DayEntry.IdFor(notebookId, last) },
            },
        };
        var texts = new Dictionary<DateOnly, DayText>(byId.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (byId.TryGetValue(reader.GetString(0), out var date))
                texts[date] = new DayText(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return texts;
    }

    /// <summary>
    /// The columns Marten keeps beside the document (NotebooksConfiguration), for the entries of one notebook between
    /// two dates; a row written before the columns existed has a null title there, and is read from its document.
    /// </summary>
    private const string CardsSql =
        $"select d.id, coalesce(d.title, d.data ->> 'Title'), case when d.title is null then d.data ->> 'Summary' else d.summary end " +
        $"from {Persistence.Schema}.mt_doc_dayentry as d where d.tenant_id = $1 and d.id between $2 and $3";

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
