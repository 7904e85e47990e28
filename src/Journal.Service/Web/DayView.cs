using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;

namespace Journal.Web;

/// <summary>One day's full entry, drawn by the _DayView partial for the owner and for a share link alike.</summary>
/// <param name="NotebookAddress">The notebook's page: /notebooks/{id} or /s/{slug}.</param>
public sealed record DayView(string NotebookTitle, string NotebookAddress, DayEntry Entry, int DayNumber, DayLink? Previous, DayLink? Next)
{
    /// <summary>The day with links to the logged days before and after it (their titles read from their entries).</summary>
    public static async Task<DayView> LoadAsync(IQuerySession session, NotebookProgress notebook, DayEntry entry, string notebookAddress, CancellationToken ct)
    {
        var index = notebook.Days.FindIndex(d => d.Date == entry.Date);
        var previous = index > 0 ? notebook.Days[index - 1].Date : (DateOnly?)null;
        var next = index >= 0 && index + 1 < notebook.Days.Count ? notebook.Days[index + 1].Date : (DateOnly?)null;
        var neighbours = new[] { previous, next }.OfType<DateOnly>().Select(date => DayEntry.IdFor(notebook.Id, date)).ToArray();
        var titles = neighbours.Length == 0
            ? []
            : (await session.LoadManyAsync<DayEntry>(ct, neighbours)).ToDictionary(d => d.Date, d => d.Title);
        return new DayView(notebook.Title, notebookAddress, entry, DayNumbers.Of(entry.Date, notebook.Days.Select(d => d.Date)),
            Link(previous, titles), Link(next, titles));
    }

    private static DayLink? Link(DateOnly? date, Dictionary<DateOnly, string> titles) =>
        date is { } day ? new DayLink(day, titles.GetValueOrDefault(day, "")) : null;
}

/// <summary>Another logged day, as the day page links to it.</summary>
public sealed record DayLink(DateOnly Date, string Title);
