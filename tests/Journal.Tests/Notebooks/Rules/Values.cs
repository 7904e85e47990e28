using System.Globalization;

using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

/// <summary>Readable literals for theory data, which cannot hold dates.</summary>
internal static class Values
{
    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Space-separated ISO dates; an empty string is no dates.</summary>
    public static DateOnly[] Dates(string isos) => [.. isos.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Date)];

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
