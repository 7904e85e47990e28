using Journal.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Sharing;

/// <summary>A shared notebook whole, every entry in full, read-only.</summary>
[AllowAnonymous]
public sealed class AllModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public WholeNotebook? Whole { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        await using var shared = await SharedNotebooks.FindAsync(store, slug, ct);
        if (shared is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Whole = await WholeNotebook.LoadAsync(shared.Session, shared.Progress, clock.GetUtcNow(), $"/s/{slug}", ct);
        return Page();
    }
}
