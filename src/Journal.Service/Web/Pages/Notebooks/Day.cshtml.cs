using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>One day's full entry ("Read more"), with the days before and after it.</summary>
public sealed class DayModel(IQuerySession session) : PageModel
{
    public DayView? View { get; private set; }
    public string? Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string date, CancellationToken ct)
    {
        var day = IsoDates.Parse(date);
        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(id);
        var entryLoad = day is { } valid ? batch.Load<DayEntry>(DayEntry.IdFor(id, valid)) : Task.FromResult<DayEntry?>(null);
        await batch.Execute(ct);
        var (notebook, entry) = (await progressLoad, await entryLoad);
        if (notebook is null || entry is null)
        {
            Missing = notebook is null ? "There is no notebook at this address." : "This notebook has no entry on that date.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View = DayView.Of(notebook, entry, $"/notebooks/{id}");
        return Page();
    }
}
