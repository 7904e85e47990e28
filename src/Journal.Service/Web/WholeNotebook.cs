using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;

namespace Journal.Web;

/// <summary>The whole notebook on one page, every entry in full: to read straight through, and to print.</summary>
/// <param name="Address">The notebook's page (/notebooks/{id} or /s/{slug}).</param>
public sealed record WholeNotebook(NotebookView Notebook, IReadOnlyList<DayEntry> Entries, string Address)
{
    public static async Task<WholeNotebook> LoadAsync(IQuerySession session, NotebookProgress progress, DateTimeOffset now, string address, CancellationToken ct)
    {
        var entries = await session.Query<DayEntry>().Where(d => d.NotebookId == progress.Id).OrderBy(d => d.Date).ToListAsync(ct);
        var texts = entries.ToDictionary(e => e.Date, e => new DayText(e.Title, e.Summary));
        return new WholeNotebook(NotebookView.Of(progress, texts, now, address), entries, address);
    }
}
