namespace Journal.Notebooks;

/// <summary>
/// A command refused, with a stable <paramref name="Type"/> (listed in docs/problems.md) that clients branch on,
/// and a <paramref name="Detail"/> people read. <paramref name="Errors"/> names each invalid field by its JSON path;
/// <paramref name="RetryAfter"/> says when a refusal for too many attempts ends.
/// </summary>
public sealed record Refusal(
    RefusalKind Kind, string Type, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null);
