using System.Text.Json;
using Journal.Http;

namespace Journal.Tests.Http;

/// <summary>Times of day are read exactly as the OpenAPI document's pattern says, and written HH:mm:ss.</summary>
public sealed class LocalTimesTests
{
    [Theory]
    [InlineData("\"04:00\"", 4, 0, 0)]
    [InlineData("\"00:00\"", 0, 0, 0)]
    [InlineData("\"23:59\"", 23, 59, 0)]
    [InlineData("\"04:00:30\"", 4, 0, 30)]
    [InlineData("\"04:00:00.5\"", 4, 0, 0)]
    public void Reads_what_the_pattern_allows(string json, int hour, int minute, int second)
    {
        var time = JsonSerializer.Deserialize<TimeOnly>(json, JsonDefaults.Http);

        Assert.Equal((hour, minute, second), (time.Hour, time.Minute, time.Second));
        Assert.Matches(LocalTimes.Pattern, JsonSerializer.Deserialize<string>(json)!);
    }

    [Theory]
    [InlineData("\"4:00\"")]
    [InlineData("\"04:5\"")]
    [InlineData("\"24:00\"")]
    [InlineData("\"04:60\"")]
    [InlineData("\"04:00:60\"")]
    [InlineData("\"04:00:00Z\"")]
    [InlineData("\"04:00+02:00\"")]
    [InlineData("\"04:00:00.12345678\"")]
    [InlineData("\" 04:00\"")]
    [InlineData("\"\"")]
    [InlineData("400")]
    [InlineData("null")]
    public void Refuses_anything_else(string json)
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeOnly>(json, JsonDefaults.Http));
        Assert.Contains("Path: $", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 0, 0, 0, "\"04:00:00\"")]
    [InlineData(23, 59, 59, 0, "\"23:59:59\"")]
    [InlineData(4, 0, 0, 500, "\"04:00:00.5\"")]
    public void Writes_hours_minutes_and_seconds(int hour, int minute, int second, int millisecond, string expected)
    {
        var json = JsonSerializer.Serialize(new TimeOnly(hour, minute, second, millisecond), JsonDefaults.Http);

        Assert.Equal(expected, json);
        Assert.Matches(LocalTimes.Pattern, JsonSerializer.Deserialize<string>(json)!);
    }
}
