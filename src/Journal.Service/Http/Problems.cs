using System.Globalization;
using System.Text.RegularExpressions;
using Journal.Notebooks;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Http;

/// <summary>Gives every problem response, ours or the framework's, a stable type and a human detail.</summary>
public static partial class Problems
{
    public static void Shape(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Type is { } type && type.StartsWith("/problems/", StringComparison.Ordinal)) return;

        var notebookId = context.HttpContext.GetRouteValue("notebookId");
        (problem.Type, problem.Title, var detail) = status switch
        {
            // An endpoint matched but its notebook stream does not exist.
            404 when notebookId is not null => (Refusals.NotebookNotFound, "No such notebook", $"There is no notebook {notebookId}."),
            400 => (Refusals.MalformedRequest, "The request body is not valid JSON for this endpoint",
                "The body could not be read as the JSON this endpoint takes: check the syntax, field names and value types."),
            404 => (ProblemTypes.NotFound, "Not found", "Nothing is served at this address."),
            405 => (ProblemTypes.MethodNotAllowed, "Method not allowed", $"{context.HttpContext.Request.Method} is not allowed here."),
            406 => ("/problems/not-acceptable", "Not acceptable", "This endpoint answers with application/json only."),
            409 => (ProblemTypes.ConcurrentChange, "Conflict", "The notebook was changed by another request; retry."),
            413 => (ProblemTypes.RequestTooLarge, "Request body too large", HttpPipeline.MaxBodyBytesOf(context.HttpContext.Request) == HttpPipeline.MaxBodyBytes
                ? $"Request bodies may be at most {HttpPipeline.MaxBodyBytes / 1024} KiB."
                : $"An import may be at most {HttpPipeline.MaxImportBodyBytes / (1024 * 1024)} MiB; import a large account's notebooks in several parts."),
            415 => (ProblemTypes.UnsupportedMediaType, "Unsupported media type", HttpPipeline.BodyAdvice(context.HttpContext.Request)),
            422 => (ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused", null),
            503 => (ProblemTypes.ServiceUnavailable, "Service unavailable", "The database cannot be reached; retry shortly."),
            >= 500 => (ProblemTypes.InternalError, "Internal error", "Something went wrong on our side; it has been logged."),
            _ => (problem.Type ?? "about:blank", problem.Title, null),
        };
        // Keep the framework's own detail where it says something useful (e.g. the JSON error's position), in words
        // of the API (no .NET type names), but never leak exception text from a server error.
        if (status >= 500 || string.IsNullOrEmpty(problem.Detail)) problem.Detail = detail ?? problem.Detail;
        else problem.Detail = Readable(problem.Detail);
        problem.Extensions.Remove("exception");
        // Wolverine's JSON errors add where the reader stopped (a 0-based line): the detail already says so, in words.
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
    }

    /// <summary>
    /// The JSON reader's message in the API's words: "The JSON value could not be converted to System.DateOnly. Path:
    /// $.startDate | LineNumber: 0 | BytePositionInLine: 40." says where, not which .NET type; anything else is cut short.
    /// </summary>
    public static string Readable(string detail)
    {
        var where = JsonPosition().Match(detail);
        if (where.Success)
            return string.Create(CultureInfo.InvariantCulture,
                $"The value at {where.Groups[1].Value} (line {int.Parse(where.Groups[2].Value, CultureInfo.InvariantCulture) + 1}, byte {where.Groups[3].Value}) is not one this endpoint takes: check its type and format (numbers as numbers, dates as yyyy-MM-dd, times as HH:mm, no unknown fields).");
        var plain = DotNetType().Replace(detail, "a value");
        return plain.Length <= 300 ? plain : plain[..300] + "…";
    }

    [GeneratedRegex(@"Path: (\$[^\s|]*) \| LineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial Regex JsonPosition();

    [GeneratedRegex(@"\b(System|Journal|Microsoft|Wolverine|Marten|JasperFx)(\.[A-Za-z_][\w`]*)+(\[\])?")]
    private static partial Regex DotNetType();

    /// <summary>A refused command as problem details: 400 (naming each invalid field), 401, 403, 404, 409, 412 or 429.</summary>
    public static ProblemDetails For(Refusal refusal)
    {
        var status = refusal.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Stale => StatusCodes.Status412PreconditionFailed,
            RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.TooMany => StatusCodes.Status429TooManyRequests,
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Kind, null),
        };
        var problem = refusal.Errors is { } errors
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        (problem.Status, problem.Type, problem.Title, problem.Detail) = (status, refusal.Type, refusal.Title, refusal.Detail);
        return problem;
    }

    /// <summary>The refusal as an answer, with Retry-After when it says when to try again.</summary>
    public static IResult Result(Refusal refusal) =>
        refusal.RetryAfter is null ? Results.Problem(For(refusal)) : new RetryLater(refusal);

    private sealed class RetryLater(Refusal refusal) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Security.ApiChallenges.Refused(httpContext, refusal);
    }

    /// <summary>Answers with <paramref name="problem"/> at once (from middleware, where no endpoint result is at hand).</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    public static ProblemDetails ConcurrentChange(Exception _) =>
        ProblemTypes.Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrentChange, "Concurrent change",
            "The notebook was changed by another request at the same moment; read it again and retry.");
}
