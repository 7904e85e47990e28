using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Journal.Bench;

/// <summary>The request bodies both sides carry: a realistic entry, the same size on every request.</summary>
internal static class Payloads
{
    public const string Summary = "Worked through the chapter on indexes and wrote down three questions to follow up tomorrow.";

    public static readonly string Entry = string.Concat(Enumerable.Repeat(
        "Read the section again, tried the exercises, and compared my answers with the worked examples. ", 4));

    public const int Minutes = 45;

    public static byte[] StartNotebook(DateOnly startDate) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        title = "Benchmark notebook",
        spark = "How fast is it?",
        plan = new { days = 366, spanDays = 731, minutesPerDay = 60 },
        startDate = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        timeZone = "UTC",
    });

    public static byte[] LogDay(DateOnly date) => Encoding.UTF8.GetBytes(LogDayJson(date));

    public static string LogDayJson(DateOnly date) => JsonSerializer.Serialize(new
    {
        title = Title(date),
        date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        summary = Summary,
        entry = Entry,
        minutes = Minutes,
    });

    public static string Title(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"Study day {date:yyyy-MM-dd}");
}
