using System.Globalization;
using Journal.Notebooks.Days;

namespace Journal.Notebooks.Exports;

/// <summary>
/// The <c>csv</c> export: one row per logged day in date order (RFC 4180: a header row, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break). Values are the notebook's own, unchanged: no spreadsheet escaping.
/// </summary>
public static class NotebookCsv
{
    public const string MediaType = "text/csv";

    public const string Header = "date,day,title,summary,minutes,backfilled,recorded_at\r\n";

    public static string Row(int dayNumber, DayEntry day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return string.Join(",",
            day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dayNumber.ToString(CultureInfo.InvariantCulture),
            Field(day.Title),
            Field(day.Summary),
            day.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "",
            day.Backfilled ? "true" : "false",
            day.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture)) + "\r\n";
    }

    private static string Field(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.StartsWith(' ') || value.EndsWith(' ') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;
}
