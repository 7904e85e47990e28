namespace Journal.Notebooks;

/// <summary>
/// The domain's refusals. Their types are relative URIs under /problems/, each described in docs/problems.md:
/// the API answers with them as RFC 9457 problem details.
/// </summary>
public static class Refusals
{
    public const string ValidationFailed = "/problems/validation-failed";
    public const string MalformedRequest = "/problems/malformed-request";
    public const string NotebookNotFound = "/problems/notebook-not-found";
    public const string DayNotFound = "/problems/day-not-found";
    public const string SkipNotFound = "/problems/skip-not-found";
    public const string NotebookExists = "/problems/notebook-exists";
    public const string DateAlreadyLogged = "/problems/date-already-logged";
    public const string DateAlreadySkipped = "/problems/date-already-skipped";
    public const string NotebookCompleted = "/problems/notebook-completed";
    public const string NotebookAbandoned = "/problems/notebook-abandoned";
    public const string NotebookNotAbandoned = "/problems/notebook-not-abandoned";

    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, ValidationFailed, "The request is not valid", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    /// <summary>A body of JSON <c>null</c> (or nothing a command can be made of).</summary>
    public static Refusal MissingBody() =>
        new(RefusalKind.Invalid, MalformedRequest, "The request body is missing", "The request needs a JSON object body.");

    public static Refusal Conflict(string type, string detail) =>
        new(RefusalKind.Conflict, type, "The notebook's state does not allow this", detail);

    public static Refusal NotebookMissing(Guid id) =>
        new(RefusalKind.NotFound, NotebookNotFound, "No such notebook", $"There is no notebook {id}.");

    public static Refusal NotebookTaken(Guid id) =>
        new(RefusalKind.Conflict, NotebookExists, "The notebook id is taken", $"A notebook with id {id} already exists.");

    public static Refusal NoEntry(DateOnly date) =>
        new(RefusalKind.NotFound, DayNotFound, "No entry on that date", $"{date:yyyy-MM-dd} has no entry.");

    public static Refusal NoRestDay(DateOnly date) =>
        new(RefusalKind.NotFound, SkipNotFound, "No rest day on that date", $"{date:yyyy-MM-dd} is not a rest day.");
}
