using System.Diagnostics;
using Journal.Http.Security;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Journal.Http;

/// <summary>
/// One line per request, written when the answer is done: method, route (the pattern, never the path: a share link's
/// slug or a date stays out of the log), status, duration, the signed-in account's id and the trace id. Never a header,
/// a query, a body, an email or a token. Probes and scrapes (<c>/health/…</c>, <c>/metrics</c>) are logged at Debug
/// when they succeed, so that a load balancer polling every few seconds does not fill the log.
/// </summary>
public static partial class RequestLog
{
    /// <summary>The log category: filter it with <c>Logging:LogLevel:Journal.Requests</c>.</summary>
    public const string Category = "Journal.Requests";

    public static async Task Write(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
            var status = context.Response.StatusCode;
            var level = status < 400 && IsProbe(context.Request.Path) ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                Answered(logger, level, context.Request.Method, Route(context), status,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                    context.User.FindFirst(JournalClaims.Account)?.Value ?? "-",
                    Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier);
            }
        }
    }

    /// <summary>The endpoint's route pattern ("/api/notebooks/{notebookId}/days"), or "(none)" when no endpoint matched.</summary>
    public static string Route(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern }
            ? "/" + (pattern.RawText ?? string.Join('/', pattern.PathSegments.Select(Segment))).TrimStart('/')
            : "(none)";

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        RoutePatternLiteralPart literal => literal.Content,
        _ => "",
    }));

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    [LoggerMessage(Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms (account {AccountId}, trace {TraceId})")]
    private static partial void Answered(ILogger logger, LogLevel level, string method, string route, int status, double elapsedMs,
        string accountId, string traceId);
}
