using System.Text.Encodings.Web;
using Journal.Accounts;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Journal.Http.Security;

/// <summary>
/// <c>Authorization: Bearer jnl_…</c>: the token's SHA-256 names a live <see cref="AccessToken"/> (a revoked token's
/// document is gone, and every node forgets it from its <see cref="TokenCache"/> as the revocation commits). Answers
/// 401 and 403 as problem details.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store, TokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Challenge = "Bearer realm=\"journal\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The API takes Authorization: Bearer <token>; make a token with POST /api/tokens.");
        var token = header["Bearer ".Length..].Trim();
        if (!TokenSecrets.LooksLikeToken(token)) return AuthenticateResult.Fail("The bearer token is not a Journal token (jnl_…).");

        var hash = TokenSecrets.Hash(token);
        if (!cache.TryGet(hash, out var access))
        {
            var generation = cache.Generation;
            await using var session = store.QuerySession();
            access = await session.LoadAsync<AccessToken>(hash, Context.RequestAborted);
            if (access is not null) cache.Remember(hash, access, generation);
        }
        return access is null
            ? AuthenticateResult.Fail("The token is not valid: it was revoked, or never issued.")
            : AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.ForToken(access), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await ApiChallenges.Unauthorized(Context, failure ?? "Send Authorization: Bearer <token>; make a token with POST /api/tokens.",
            failure is null ? Challenge : $"{Challenge}, error=\"invalid_token\"");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiChallenges.Denied(Context, "This token's scopes do not allow this request (notebooks:read for reading, notebooks:write for changes).");
}
