using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Journal.Contracts;

namespace Journal.Notebooks.Progress;

/// <summary>
/// The stored progress of one notebook, kept in step with its stream by <see cref="NotebookProgressProjection"/>.
/// Figures that depend on today (current streak, pace) are not stored: <see cref="ProgressView"/> adds them when read.
/// </summary>
public sealed class NotebookProgress
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public string? Spark { get; set; }
    public NotebookStatus Status { get; set; }
    public Plan Plan { get; set; } = new(1, 1);
    public DateOnly StartDate { get; set; }
    public DateOnly Deadline { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public TimeOnly DayStartsAt { get; set; }
    public int DaysLogged { get; set; }
    public int DaysSkipped { get; set; }
    public int MinutesStudied { get; set; }
    public int LongestStreak { get; set; }
    public DateOnly? LastStudiedOn { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Logged days in date order: dates and minutes only, so that the document stays small in a long notebook.</summary>
    public List<ProgressDay> Days { get; set; } = [];

    /// <summary>Rest days in date order; never a date that has an entry.</summary>
    public List<ProgressSkip> Skips { get; set; } = [];
}

/// <summary>A logged day as the rules see it; its title and summary live in its <see cref="Days.DayEntry"/> (<see cref="DayTexts"/>).</summary>
[JsonConverter(typeof(ProgressDayJson))]
public sealed record ProgressDay(DateOnly Date, int? Minutes, bool Backfilled);

/// <summary>
/// A logged day stored as one short string, <c>"2026-04-27:60"</c> (<c>:b</c> added when backfilled, no minutes when
/// none were given): a year's days are 6 KB of the progress document instead of 20 KB, which every command on the
/// notebook reads and rewrites. Documents written before read as they were (an object per day).
/// </summary>
public sealed class ProgressDayJson : JsonConverter<ProgressDay>
{
    public override ProgressDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return ReadObject(ref reader);
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A progress day is a string or an object.");
        var text = reader.GetString()!;
        var parts = text.Split(':');
        int? minutes = null;
        if (parts.Length > 3
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || (parts.Length > 1 && parts[1].Length > 0 && !TryMinutes(parts[1], out minutes))
            || (parts.Length > 2 && parts[2] != "b"))
            throw new JsonException($"Not a progress day: {text}");
        return new ProgressDay(date, minutes, parts.Length > 2);
    }

    private static bool TryMinutes(string text, out int? minutes)
    {
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        minutes = parsed ? value : null;
        return parsed;
    }

    public override void Write(Utf8JsonWriter writer, ProgressDay value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[32];
        value.Date.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (value.Minutes is not null || value.Backfilled) text[length++] = ':';
        if (value.Minutes is { } minutes)
        {
            minutes.TryFormat(text[length..], out var written, provider: CultureInfo.InvariantCulture);
            length += written;
        }
        if (value.Backfilled)
        {
            text[length++] = ':';
            text[length++] = 'b';
        }
        writer.WriteStringValue(text[..length]);
    }

    /// <summary>The earlier form: <c>{"Date": "2026-04-27", "Minutes": 60, "Backfilled": false}</c>.</summary>
    private static ProgressDay ReadObject(ref Utf8JsonReader reader)
    {
        DateOnly? date = null;
        int? minutes = null;
        var backfilled = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "Date", StringComparison.OrdinalIgnoreCase)) date = DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            else if (string.Equals(name, "Minutes", StringComparison.OrdinalIgnoreCase)) minutes = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            else if (string.Equals(name, "Backfilled", StringComparison.OrdinalIgnoreCase)) backfilled = reader.GetBoolean();
            else reader.Skip();
        }
        return new ProgressDay(date ?? throw new JsonException("A progress day without a date."), minutes, backfilled);
    }
}

public sealed record ProgressSkip(DateOnly Date, string? Reason, bool Late);
