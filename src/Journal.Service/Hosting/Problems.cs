using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Journal.Hosting;

/// <summary>Gives every problem response, ours or the framework's, a stable type and a human detail.</summary>
public static class Problems
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
            404 when notebookId is not null => (ProblemTypes.NotebookNotFound, "No such notebook", $"There is no notebook {notebookId}."),
            400 => (ProblemTypes.MalformedRequest, "The request body is not valid JSON for this endpoint",
                "The body could not be read as the JSON this endpoint takes: check the syntax, field names and value types."),
            404 => (ProblemTypes.NotFound, "Not found", "Nothing is served at this address."),
            405 => (ProblemTypes.MethodNotAllowed, "Method not allowed", $"{context.HttpContext.Request.Method} is not allowed here."),
            406 => ("/problems/not-acceptable", "Not acceptable", "This endpoint answers with application/json only."),
            409 => (ProblemTypes.ConcurrentChange, "Conflict", "The notebook was changed by another request; retry."),
            413 => (ProblemTypes.RequestTooLarge, "Request body too large", $"Request bodies may be at most {Http.MaxBodyBytes / 1024} KiB."),
            415 => (ProblemTypes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
            422 => (ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused", null),
            503 => (ProblemTypes.ServiceUnavailable, "Service unavailable", "The database cannot be reached; retry shortly."),
            >= 500 => (ProblemTypes.InternalError, "Internal error", "Something went wrong on our side; it has been logged."),
            _ => (problem.Type ?? "about:blank", problem.Title, null),
        };
        // Keep the framework's own detail where it says something useful (e.g. the JSON error's position),
        // but never leak exception text from a server error.
        if (status >= 500 || string.IsNullOrEmpty(problem.Detail)) problem.Detail = detail ?? problem.Detail;
        problem.Extensions.Remove("exception");
    }

    public static ProblemDetails ConcurrentChange(Exception _) =>
        ProblemTypes.Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrentChange, "Concurrent change",
            "The notebook was changed by another request at the same moment; read it again and retry.");
}

/// <summary>
/// Writes problem details as JSON whatever the request's Accept says. The default writer declines a client that
/// accepts only, say, application/xml, and the answer becomes "Status Code: 406; Not Acceptable" in plain text;
/// registered after it, this one takes over only then.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
    }
}
