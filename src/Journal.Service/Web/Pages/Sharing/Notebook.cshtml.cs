using Journal.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Sharing;

/// <summary>A notebook shared by its owner: the notebook page as the seed shows it, read-only, for anyone with the address.</summary>
[AllowAnonymous]
public sealed class NotebookModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public NotebookView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, int? year, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        await using var shared = await SharedNotebooks.FindAsync(store, slug, ct);
        if (shared is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View = NotebookView.Of(shared.Progress, await SharedNotebooks.TextsAsync(shared, ct), clock.GetUtcNow(), $"/s/{slug}", year);
        return Page();
    }
}
