using System.Globalization;
using System.Security.Claims;
using Journal.Accounts;
using Journal.Accounts.Rules;

namespace Journal.Http.Security;

/// <summary>Who a request is: its account (the tenant of its notebooks), how it signed in, what it may do.</summary>
public static class AccountPrincipal
{
    /// <summary>Signed in on the pages: everything the account may do.</summary>
    public static ClaimsPrincipal ForCookie(Account account) => Principal(JournalSecurity.Cookie, account.Id,
    [
        new(JournalClaims.Name, account.DisplayName),
        new(JournalClaims.CredentialVersion, account.CredentialVersion.ToString(CultureInfo.InvariantCulture)),
        .. Scopes.All.Select(s => new Claim(JournalClaims.Scope, s)),
    ]);

    /// <summary>Email and password on POST /api/tokens: enough to make a token, nothing else.</summary>
    public static ClaimsPrincipal ForBasic(Account account) => Principal(JournalSecurity.Basic, account.Id, []);

    public static ClaimsPrincipal ForToken(AccessToken token) => Principal(JournalSecurity.Token, token.AccountId,
    [
        new(JournalClaims.Token, token.TokenId.ToString()),
        .. token.Scopes.Select(s => new Claim(JournalClaims.Scope, s)),
    ]);

    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JournalClaims.Account), out var id) ? id : Guid.Empty;

    private static ClaimsPrincipal Principal(string method, Guid accountId, IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity(
            [new Claim(JournalClaims.Account, accountId.ToString()), new Claim(JournalClaims.Method, method), .. claims],
            method, JournalClaims.Name, null));
}
