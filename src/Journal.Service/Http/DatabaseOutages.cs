using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Journal.Http;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached, or cannot write (its disk is full, or it is read-only:
/// a standby, or a database set read-only to protect it), answers 503 with Retry-After, not 500: the client did
/// nothing wrong and may retry. Nothing was acknowledged, so nothing is lost; reads go on working meanwhile.
/// </summary>
public sealed partial class DatabaseOutages(IProblemDetailsService problems, ILogger<DatabaseOutages> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (!IsOutage(exception) || context.Response.HasStarted) return false;
        LogOutage(logger, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = ProblemTypes.Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ServiceUnavailable,
                "Service unavailable", IsPoolExhausted(exception)
                    ? $"The service is at capacity (every database connection is busy); nothing was changed. Retry in {RetryAfterSeconds} seconds."
                    : CannotWrite(exception)
                        ? $"The database cannot accept changes at the moment (out of disk space, or read-only); nothing was changed, and reading still works. Retry in {RetryAfterSeconds} seconds."
                        : $"The database cannot be reached; nothing was changed. Retry in {RetryAfterSeconds} seconds."),
        });
    }

    private static bool IsPoolExhausted(Exception exception) =>
        exception.GetBaseException() is TimeoutException
        || exception.ToString().Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase);

    /// <summary>PostgreSQL's codes for "no space left on the device" and "this transaction (database, server) is read-only".</summary>
    private static readonly string[] WritesRefused = ["53100", "25006"];

    private static bool CannotWrite(Exception exception) =>
        Causes(exception).Any(e => e is PostgresException p && WritesRefused.Contains(p.SqlState));

    public static bool IsOutage(Exception exception) =>
        Causes(exception).Any(e => e is NpgsqlException { IsTransient: true }
            or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } // shutdown, crash, starting up, too many connections
            or PostgresException { SqlState: "53100" or "25006" }
            or SocketException or TimeoutException);

    /// <summary>The exception and everything under it: inner exceptions, and each of an aggregate's.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes)) yield return inner;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable, answered 503: {Reason}")]
    private static partial void LogOutage(ILogger logger, string reason);
}
