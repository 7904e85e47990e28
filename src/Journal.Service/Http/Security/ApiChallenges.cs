using System.Globalization;
using Journal.Notebooks;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Http.Security;

/// <summary>The API's answers to requests that are not signed in or may not do what they ask: problem details, never a redirect.</summary>
public static class ApiChallenges
{
    public const string Unauthenticated = "/problems/unauthenticated";
    public const string Forbidden = "/problems/forbidden";
    public const string TooManyRequests = "/problems/too-many-requests";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static Task Unauthorized(HttpContext context, string detail, string wwwAuthenticate)
    {
        context.Response.Headers.WWWAuthenticate = wwwAuthenticate;
        return Write(context, ProblemTypes.Problem(StatusCodes.Status401Unauthorized, Unauthenticated, "Sign-in required", detail));
    }

    public static Task Denied(HttpContext context, string detail) =>
        Write(context, ProblemTypes.Problem(StatusCodes.Status403Forbidden, Forbidden, "Not allowed", detail));

    public static Task Refused(HttpContext context, Refusal refusal)
    {
        if (refusal.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Write(context, Problems.For(refusal));
    }

    public static Task Write(HttpContext context, ProblemDetails problem) => Problems.WriteAsync(context, problem);
}
