using Microsoft.AspNetCore.Mvc;

namespace Journal.Http;

/// <summary>
/// The problem types of HTTP itself (the domain's own are in <see cref="Notebooks.Refusals"/>). Each is a relative
/// URI under /problems/, described in docs/problems.md: clients branch on <c>type</c>, people read <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    public const string NotFound = "/problems/not-found";
    public const string ConcurrentChange = "/problems/concurrent-change";
    public const string VersionMismatch = "/problems/version-mismatch";
    public const string IdempotencyKeyReused = "/problems/idempotency-key-reused";
    public const string RequestTooLarge = "/problems/request-too-large";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string ServiceUnavailable = "/problems/service-unavailable";
    public const string InternalError = "/problems/internal-error";
    public const string InvalidImport = "/problems/invalid-import";
    public const string ImportRefused = "/problems/import-refused";

    public static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };
}
