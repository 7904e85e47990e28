using Journal.Notebooks.Rules;
using Journal.Contracts;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>One day's full entry ("Read more"), with the days before and after it.</summary>
public sealed class DayModel(IQuerySession session) : PageModel
{
    public NotebookProgress? Notebook { get; private set; }
    public DayEntry? Entry { get; private set; }
    public int DayNumber { get; private set; }
    public ProgressDay? Previous { get; private set; }
    public ProgressDay? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string date, CancellationToken ct)
    {
        var parsed = IsoDates.Parse(date);
        var valid = parsed is not null;
        var day = parsed.GetValueOrDefault();

        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(id);
        var entryLoad = valid ? batch.Load<DayEntry>(DayEntry.IdFor(id, day)) : Task.FromResult<DayEntry?>(null);
        await batch.Execute(ct);
        (Notebook, Entry) = (await progressLoad, await entryLoad);
        if (Notebook is null || Entry is null) return Missing();

        var index = Notebook.Days.FindIndex(d => d.Date == day);
        DayNumber = DayNumbers.Of(day, Notebook.Days.Select(d => d.Date));
        Previous = index > 0 ? Notebook.Days[index - 1] : null;
        Next = index >= 0 && index + 1 < Notebook.Days.Count ? Notebook.Days[index + 1] : null;
        return Page();
    }

    private PageResult Missing()
    {
        Entry = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
