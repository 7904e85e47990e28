using Journal.Accounts;
using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Journal.Web.Pages.Account;

/// <summary>Sign up. On a fresh install the first account is the owner's (and takes any notebooks written before accounts).</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignUpModel(AccountCommands accounts, IDocumentStore store, IOptions<AccountOptions> options) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email"] = "Email",
        ["displayName"] = "Your name",
        ["password"] = "Password",
    };

    public bool First { get; private set; }
    public bool Open { get; private set; }
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await Know(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new FormReader(Request.Form, Errors);
        foreach (var name in Labels.Keys) Values[name] = form.Text(name);
        var (decision, account) = await accounts.Register(
            new RegisterAccount(Values["email"], Values["password"], Values["displayName"].Length == 0 ? null : Values["displayName"]), ct);
        if (account is not null)
        {
            await HttpContext.SignInAsync(JournalSecurity.Cookie, AccountPrincipal.ForCookie(account));
            return PageRedirects.SeeOther(this, "/");
        }
        Errors.Take(decision.Refusal, Labels);
        Values["password"] = "";
        await Know(ct);
        Response.StatusCode = decision.Refusal?.Kind switch
        {
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    public FieldView Field(string name, string type, string? hint, string autocomplete, bool required = true) =>
        new("signup", name, Labels[name], Values.GetValueOrDefault(name), Errors.For(name), type, hint, required, Autocomplete: autocomplete);

    private async Task Know(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        First = !await session.Query<Journal.Accounts.Account>().AnyAsync(ct);
        Open = options.Value.IsOpen(First);
    }
}
