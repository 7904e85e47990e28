using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;

namespace Journal.Web;

/// <summary>One day's full entry, drawn by the _DayView partial for the owner and for a share link alike.</summary>
/// <param name="NotebookAddress">The notebook's page: /notebooks/{id} or /s/{slug}.</param>
public sealed record DayView(string NotebookTitle, string NotebookAddress, DayEntry Entry, int DayNumber, ProgressDay? Previous, ProgressDay? Next)
{
    public static DayView Of(NotebookProgress notebook, DayEntry entry, string notebookAddress)
    {
        var index = notebook.Days.FindIndex(d => d.Date == entry.Date);
        return new DayView(notebook.Title, notebookAddress, entry, DayNumbers.Of(entry.Date, notebook.Days.Select(d => d.Date)),
            index > 0 ? notebook.Days[index - 1] : null,
            index >= 0 && index + 1 < notebook.Days.Count ? notebook.Days[index + 1] : null);
    }
}
