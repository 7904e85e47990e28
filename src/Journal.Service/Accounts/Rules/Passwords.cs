using System.Globalization;
using Journal.Notebooks.Rules;

namespace Journal.Accounts.Rules;

/// <summary>A password: 10 to 1,024 characters, not blank, not the account's email. Any characters; no other rules.</summary>
public static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 1_024;

    public static string? Check(FieldRules fields, string field, string? password, string? email)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            fields.Fail(field, $"{field} is required: {MinLength} to {MaxLength} characters.");
            return null;
        }
        var length = new StringInfo(password).LengthInTextElements;
        if (length < MinLength || length > MaxLength)
            fields.Fail(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must be {MinLength} to {MaxLength} characters long; it has {length}. A few words in a row make a good one."));
        else if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            fields.Fail(field, $"{field} may not be the email address.");
        return password;
    }
}
