using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>The whole notebook: every day's full entry on one page.</summary>
public sealed class AllModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public WholeNotebook? Whole { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var progress = await session.LoadAsync<NotebookProgress>(id, ct);
        if (progress is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Whole = await WholeNotebook.LoadAsync(session, progress, clock.GetUtcNow(), $"/notebooks/{id}", ct);
        return Page();
    }
}
