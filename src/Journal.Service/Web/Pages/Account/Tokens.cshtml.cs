using Journal.Accounts.Deciders;
using Journal.Accounts.Rules;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Account;

/// <summary>Personal access tokens: make one (shown once), see the others by name, revoke any.</summary>
public sealed class TokensModel(AccountCommands accounts, IDocumentStore store) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["scopes"] = "May",
    };

    public IReadOnlyList<Journal.Accounts.AccountToken> Tokens { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public string Name { get; private set; } = "";

    /// <summary>The token just made: shown on this one page load, never again.</summary>
    [TempData]
    public string? NewToken { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var form = new FormReader(Request.Form, Errors);
        Name = form.Text("name");
        var scopes = Request.Form["scopes"].Select(s => s ?? "").ToList();
        var (id, token) = (Guid.CreateVersion7(), TokenSecrets.New());
        var (decision, _) = await accounts.Apply(User.AccountId(),
            (account, _) => IssueTokenDecider.Decide(new CreateToken(Name, scopes), account, id, TokenSecrets.Hash(token)), ct);
        if (decision.Refusal is null)
        {
            NewToken = token;
            return PageRedirects.SeeOther(this, "/account/tokens#new-token");
        }
        Errors.Take(decision.Refusal, Labels);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        var (decision, _) = await accounts.Apply(User.AccountId(), (account, _) => RevokeTokenDecider.Decide(account, tokenId), ct);
        Notice = decision.Refusal is null ? "The token is revoked: it no longer works." : decision.Refusal.Detail;
        return PageRedirects.SeeOther(this, "/account/tokens");
    }

    public FieldView NameField() => new("token", "name", Labels["name"], Name, Errors.For("name"), Hint: "Where it is used, e.g. “laptop”.", Required: true);

    public static IReadOnlyList<string> AllScopes => Scopes.All;

    private async Task Load(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Journal.Accounts.Account>(User.AccountId(), ct);
        Tokens = account?.Tokens ?? [];
    }
}
