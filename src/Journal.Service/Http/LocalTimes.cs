using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Journal.Http;

/// <summary>
/// A time of day on the notebook's own clock (when its day starts): <c>HH:mm</c>, optionally with seconds and a
/// fraction, and no offset. The API reads exactly what its document's pattern allows and writes <c>HH:mm:ss</c>.
/// </summary>
public sealed partial class LocalTimes : JsonConverter<TimeOnly>
{
    public const string Pattern = @"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,7})?)?$";

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !Shape().IsMatch(text))
            throw new JsonException(); // no message: the reader adds where it stopped, which the problem's detail quotes
        return TimeOnly.Parse(text, CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
