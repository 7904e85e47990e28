using Journal.Accounts;
using Journal.Http;
using Journal.Notebooks;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Journal.Web.Pages.Account;

/// <summary>Sign in with email and password; a fresh install with no account yet sends its first visitor to sign up.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(AccountCommands accounts, IDocumentStore store, Microsoft.Extensions.Options.IOptions<AccountOptions> options) : PageModel
{
    public string Email { get; private set; } = "";
    public FormErrors Errors { get; } = new();

    /// <summary>Whether this instance takes new accounts (the owner exists by the time anyone signs in).</summary>
    public bool CanSignUp => options.Value.IsOpen(noAccountYet: false);

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(Safe(returnUrl));
        await using var session = store.QuerySession();
        if (!await session.Query<Journal.Accounts.Account>().AnyAsync(ct)) return RedirectToPage("SignUp");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var form = new FormReader(Request.Form, Errors);
        Email = form.Text("email");
        var (decision, account) = await accounts.SignIn(Email, form.Text("password"), "password", ct);
        if (account is null)
        {
            Errors.General.Add(decision.Refusal?.Detail ?? "Sign-in failed.");
            Response.StatusCode = decision.Refusal?.Kind == RefusalKind.TooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(JournalSecurity.Cookie, AccountPrincipal.ForCookie(account));
        return PageRedirects.SeeOther(this, Safe(returnUrl));
    }

    public FieldView Field(string name, string label, string type, string autocomplete) =>
        new("signin", name, label, name == "email" ? Email : null, Errors.For(name), type, Required: true, Autocomplete: autocomplete);

    /// <summary>Only a path of this site: never a redirect elsewhere.</summary>
    private string Safe(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
