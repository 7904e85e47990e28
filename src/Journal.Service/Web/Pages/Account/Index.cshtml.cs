using Journal.Accounts.Deciders;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Journal.Notebooks;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Account;

/// <summary>The account: who you are here, and a new password (which signs the pages out everywhere else).</summary>
public sealed class IndexModel(AccountCommands accounts, IDocumentStore store, Journal.Accounts.IPasswords passwords) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["currentPassword"] = "Current password",
        ["newPassword"] = "New password",
    };

    public Journal.Accounts.Account? Account { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? changed, CancellationToken ct)
    {
        if (changed is not null) Notice = "Your password is changed.";
        return await Load(ct) ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var form = new FormReader(Request.Form, Errors);
        var command = new ChangePassword(form.Text("currentPassword"), form.Text("newPassword"));
        var (decision, account) = await accounts.Apply(User.AccountId(), (a, _) => ChangePasswordDecider.Decide(command, a, passwords), ct);
        if (decision.Refusal is null && account is not null)
        {
            // The old cookie no longer signs in (its credential version is past): this browser gets a new one.
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(HttpContext, JournalSecurity.Cookie, AccountPrincipal.ForCookie(account));
            return PageRedirects.SeeOther(this, "/account?changed=1");
        }
        Errors.Take(decision.Refusal, Labels);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(ct) ? Page() : Challenge();
    }

    public FieldView Field(string name, string? hint, string autocomplete) =>
        new("password", name, Labels[name], null, Errors.For(name), "password", hint, Required: true, Autocomplete: autocomplete);

    private async Task<bool> Load(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Account = await session.LoadAsync<Journal.Accounts.Account>(User.AccountId(), ct);
        return Account is not null;
    }
}
