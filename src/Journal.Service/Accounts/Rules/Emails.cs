using System.Net.Mail;
using Journal.Notebooks.Rules;

namespace Journal.Accounts.Rules;

/// <summary>An email address as accounts keep it: trimmed, lower-cased, a plain address (no display name).</summary>
public static class Emails
{
    public const int MaxLength = 254;

    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static string? Check(FieldRules fields, string field, string? email)
    {
        var normalized = Normalize(email);
        if (normalized.Length == 0)
        {
            fields.Fail(field, $"{field} is required.");
            return null;
        }
        if (normalized.Length > MaxLength || normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !MailAddress.TryCreate(normalized, out var address) || address.Address != normalized || !normalized.Contains('@', StringComparison.Ordinal))
        {
            fields.Fail(field, $"{field} must be an email address such as ada@example.com, at most {MaxLength} characters.");
            return null;
        }
        return normalized;
    }
}
