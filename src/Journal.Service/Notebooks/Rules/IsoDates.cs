using System.Globalization;

namespace Journal.Notebooks.Rules;

/// <summary>Dates as the API and the pages write them: exactly yyyy-MM-dd, no other spelling.</summary>
public static class IsoDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
