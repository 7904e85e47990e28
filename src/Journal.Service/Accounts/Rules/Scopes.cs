using Journal.Notebooks.Rules;

namespace Journal.Accounts.Rules;

/// <summary>What a personal access token may do.</summary>
public static class Scopes
{
    public const string NotebooksRead = "notebooks:read";
    public const string NotebooksWrite = "notebooks:write";
    public static readonly IReadOnlyList<string> All = [NotebooksRead, NotebooksWrite];

    /// <summary>The scopes asked for, each known, without repeats, in the order of <see cref="All"/>; all of them when none are named.</summary>
    public static IReadOnlyList<string> Check(FieldRules fields, string field, IReadOnlyList<string>? scopes)
    {
        if (scopes is null) return All;
        var unknown = scopes.Where(s => !All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
            fields.Fail(field, $"{field} must name one or both of {string.Join(" and ", All)}.");
        return [.. All.Where(s => scopes.Contains(s, StringComparer.Ordinal))];
    }
}
