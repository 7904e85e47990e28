using Journal.Accounts;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Sharing;

/// <summary>One day of a shared notebook, read-only.</summary>
[AllowAnonymous]
public sealed class DayModel(IDocumentStore store) : PageModel
{
    public DayView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, string date, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        await using var shared = await SharedNotebooks.FindAsync(store, slug, ct);
        var entry = shared is not null && IsoDates.Parse(date) is { } day ? await SharedNotebooks.DayAsync(shared, day, ct) : null;
        if (shared is null || entry is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View = await DayView.LoadAsync(shared.Session, shared.Progress, entry, $"/s/{slug}", ct);
        return Page();
    }
}
