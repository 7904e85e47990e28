using Journal.Http.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Account;

/// <summary>Sign out: a POST (with its antiforgery token) from the button in the header; nothing to GET.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(JournalSecurity.Cookie);
        return PageRedirects.SeeOther(this, "/signin");
    }
}
