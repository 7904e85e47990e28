using System.Globalization;
using Journal.Accounts;
using Journal.Accounts.Rules;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Journal.Http.Security;

/// <summary>
/// Who may do what. The pages sign in with a cookie; the API takes personal access tokens (Bearer), and email and
/// password (Basic) only to make one. One default scheme picks among them per request.
/// </summary>
public static class JournalSecurity
{
    public const string Scheme = "journal";
    public const string Cookie = "cookie";
    public const string Token = "token";
    public const string Basic = "basic";

    /// <summary>The pages' sign-in cookie.</summary>
    public const string SessionCookie = "journal.session";

    public const string ReadNotebooks = "read-notebooks";
    public const string WriteNotebooks = "write-notebooks";
    public const string Credentials = "credentials";

    public static WebApplicationBuilder AddJournalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccountOptions>(builder.Configuration.GetSection("Journal:Accounts"));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<IPasswords, IdentityPasswords>();
        services.AddSingleton<AccountCommands>();
        services.AddSingleton<TokenCache>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Journal", o => o.ForwardDefaultSelector = SchemeFor)
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/signin";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiChallenges.IsApi(context.HttpContext)
                    ? ApiChallenges.Unauthorized(context.HttpContext,
                        "Send Authorization: Bearer <token>; make a token with POST /api/tokens (Basic email:password) or on the tokens page.",
                        TokenAuthenticationHandler.Challenge)
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => ApiChallenges.IsApi(context.HttpContext)
                    ? ApiChallenges.Denied(context.HttpContext, "This sign-in does not allow this request.")
                    : Redirect(context);
                o.Events.OnValidatePrincipal = StillValid;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(Token, null)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(Basic, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(ReadNotebooks, p => p.RequireAuthenticatedUser().RequireClaim(JournalClaims.Scope, Scopes.NotebooksRead))
            .AddPolicy(WriteNotebooks, p => p.RequireAuthenticatedUser().RequireClaim(JournalClaims.Scope, Scopes.NotebooksWrite))
            .AddPolicy(Credentials, p => p.RequireAuthenticatedUser().RequireClaim(JournalClaims.Method, Cookie, Basic));
        builder.AddJournalRateLimits();
        return builder;
    }

    /// <summary>
    /// Rate limits first (so a flood of sign-ins costs no password check), then authentication, the API's
    /// cookie-write guard and authorization.
    /// </summary>
    public static WebApplication UseJournalSecurity(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(CookieApiWrites.Guard);
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Each API endpoint: a notebook read (an export, and all notebooks in the study view, too) needs the notebooks:read
    /// scope and a notebook change (an import too) notebooks:write (a signed-in page has both); every endpoint is
    /// rate-limited per token or account, unless it names its own limit.
    /// </summary>
    public static void Protect(HttpChain chain)
    {
        var route = chain.RoutePattern?.RawText ?? "";
        if (route.StartsWith("/api/notebooks", StringComparison.Ordinal) || route is "/api/export" or "/api/import" or "/api/me/study")
            chain.RequireAuthorization(chain.HttpMethods.Contains("GET") ? ReadNotebooks : WriteNotebooks);
        var limit = chain.Method.Method.GetCustomAttributes(typeof(EnableRateLimitingAttribute), inherit: false).OfType<EnableRateLimitingAttribute>().FirstOrDefault();
        chain.RequireRateLimiting(limit?.PolicyName ?? RateLimits.Api);
    }

    /// <summary>
    /// Pages: the cookie. The API: a bearer token when one is sent; Basic on POST /api/tokens only (each Basic
    /// sign-in is a password check and a recorded event); else the cookie, whose writes must be JSON (CookieApiWrites).
    /// </summary>
    private static string SchemeFor(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api")) return Cookie;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0) return Cookie;
        return authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/tokens", StringComparison.OrdinalIgnoreCase)
            ? Basic
            : Token;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A cookie signs in only while its account exists and its password has not changed since.</summary>
    private static async Task StillValid(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        await using var session = context.HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var account = await session.LoadAsync<Account>(user.AccountId(), context.HttpContext.RequestAborted);
        if (account is null
            || user.FindFirst(JournalClaims.CredentialVersion)?.Value != account.CredentialVersion.ToString(CultureInfo.InvariantCulture))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Cookie);
        }
    }
}
