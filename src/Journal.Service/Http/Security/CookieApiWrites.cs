namespace Journal.Http.Security;

/// <summary>
/// A browser sends the sign-in cookie with any request, also one a page of another site makes it send. Such a page can
/// POST a form, text/plain or nothing, but never application/json without this service's consent (CORS, which Journal
/// does not grant). So an API write signed in by cookie must carry a JSON body, and a browser that says the request
/// comes from another site (Sec-Fetch-Site) is refused outright. Token and Basic requests are not at risk: no
/// browser adds their Authorization header by itself.
/// </summary>
public static class CookieApiWrites
{
    public const string NeedsJson = "/problems/cookie-write-needs-json";

    public static Task Guard(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!ApiChallenges.IsApi(context) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.Authorization.Count > 0 || !request.Cookies.ContainsKey(JournalSecurity.SessionCookie))
            return next();

        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
            return ApiChallenges.Denied(context, "A page of another site may not change anything here.");
        var json = request.ContentType is { } type && type.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
        if (!json || request.ContentLength == 0)
            return ApiChallenges.Write(context, ProblemTypes.Problem(StatusCodes.Status403Forbidden, NeedsJson, "JSON body required",
                "An API write signed in by the pages' cookie must send a JSON body (Content-Type: application/json; {} for a command without one). Scripts should use a token."));
        return next();
    }
}
