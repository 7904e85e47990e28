using Microsoft.AspNetCore.Mvc;

namespace Journal.Hosting;

/// <summary>
/// Every kind of error has a stable problem type (RFC 9457). The types are relative URIs under
/// /problems/, each described in docs/problems.md; clients branch on <c>type</c>, people read <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    public const string ValidationFailed = "/problems/validation-failed";
    public const string MalformedRequest = "/problems/malformed-request";
    public const string NotebookNotFound = "/problems/notebook-not-found";
    public const string DayNotFound = "/problems/day-not-found";
    public const string SkipNotFound = "/problems/skip-not-found";
    public const string NotFound = "/problems/not-found";
    public const string NotebookExists = "/problems/notebook-exists";
    public const string DateAlreadyLogged = "/problems/date-already-logged";
    public const string DateAlreadySkipped = "/problems/date-already-skipped";
    public const string NotebookCompleted = "/problems/notebook-completed";
    public const string NotebookAbandoned = "/problems/notebook-abandoned";
    public const string NotebookNotAbandoned = "/problems/notebook-not-abandoned";
    public const string ConcurrentChange = "/problems/concurrent-change";
    public const string VersionMismatch = "/problems/version-mismatch";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string RequestTooLarge = "/problems/request-too-large";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string ServiceUnavailable = "/problems/service-unavailable";
    public const string InternalError = "/problems/internal-error";

    public static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    public static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ValidationFailed,
            Title = "The request is not valid",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        };

    public static ProblemDetails Conflict(string type, string detail) =>
        Problem(StatusCodes.Status409Conflict, type, "The notebook's state does not allow this", detail);

    public static ProblemDetails NotebookMissing(Guid id) =>
        Problem(StatusCodes.Status404NotFound, NotebookNotFound, "No such notebook", $"There is no notebook {id}.");
}
