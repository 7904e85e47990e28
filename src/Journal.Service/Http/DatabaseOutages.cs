using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Journal.Http;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached answers 503 with Retry-After, not 500: the
/// client did nothing wrong and may retry. Nothing was acknowledged, so nothing is lost.
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
                    : $"The database cannot be reached; nothing was changed. Retry in {RetryAfterSeconds} seconds."),
        });
    }

    private static bool IsPoolExhausted(Exception exception) =>
        exception.GetBaseException() is TimeoutException
        || exception.ToString().Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase);

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }: // shutdown, crash, starting up, too many connections
                case SocketException:
                case TimeoutException:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage)) return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable, answered 503: {Reason}")]
    private static partial void LogOutage(ILogger logger, string reason);
}
