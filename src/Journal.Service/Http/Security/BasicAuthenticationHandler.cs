using System.Text;
using System.Text.Encodings.Web;
using Journal.Notebooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Journal.Http.Security;

/// <summary>
/// <c>Authorization: Basic email:password</c>, taken on <c>POST /api/tokens</c> only: how a command-line client
/// logs in. Each attempt is recorded on the account (failures lock it for a growing delay).
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountCommands accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Challenge = "Basic realm=\"journal\", charset=\"UTF-8\"";
    private Refusal? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (!TryDecode(header["Basic ".Length..].Trim(), out var email, out var password))
            return AuthenticateResult.Fail("Authorization: Basic takes base64 of email:password.");

        var (decision, account) = await accounts.SignIn(email, password, "basic", Context.RequestAborted);
        if (account is null)
        {
            _refusal = decision.Refusal;
            return AuthenticateResult.Fail(decision.Refusal?.Detail ?? "Sign-in failed.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.ForBasic(account), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        if (_refusal is { RetryAfter: not null } locked)
        {
            await ApiChallenges.Refused(Context, locked);
            return;
        }
        await ApiChallenges.Unauthorized(Context, _refusal?.Detail ?? "Send Authorization: Basic with the account's email and password.", Challenge);
    }

    private static bool TryDecode(string encoded, out string email, out string password)
    {
        (email, password) = ("", "");
        if (encoded.Length is 0 or > 4_096) return false;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        (email, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
