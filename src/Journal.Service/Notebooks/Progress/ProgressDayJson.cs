using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journal.Notebooks.Progress;

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
        // Parsed from the UTF-8 bytes as stored, without a string per day: a year-long notebook's document holds 365.
        return reader.ValueIsEscaped || reader.HasValueSequence ? Parse(Encoding.UTF8.GetBytes(reader.GetString()!)) : Parse(reader.ValueSpan);
    }

    /// <summary><c>yyyy-MM-dd</c>, then optionally <c>:minutes</c>, then optionally <c>:b</c>.</summary>
    private static ProgressDay Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || year < 1)
            throw Bad(text);
        var rest = text[10..];
        int? minutes = null;
        var backfilled = false;
        if (rest.Length > 0)
        {
            if (rest[0] != ':') throw Bad(text);
            rest = rest[1..];
            var colon = rest.IndexOf((byte)':');
            var digits = colon < 0 ? rest : rest[..colon];
            if (digits.Length > 0)
            {
                if (digits.Length > 9 || !TryDigits(digits, out var value)) throw Bad(text);
                minutes = value;
            }
            if (colon >= 0)
            {
                if (!rest[(colon + 1)..].SequenceEqual("b"u8)) throw Bad(text);
                backfilled = true;
            }
        }
        return new ProgressDay(new DateOnly(year, month, day), minutes, backfilled);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static JsonException Bad(ReadOnlySpan<byte> text) => new($"Not a progress day: {Encoding.UTF8.GetString(text)}");

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
