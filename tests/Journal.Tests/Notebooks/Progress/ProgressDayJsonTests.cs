using System.Text.Json;
using Journal.Notebooks.Progress;

namespace Journal.Tests.Notebooks.Progress;

public sealed class ProgressDayJsonTests
{
    private static readonly DateOnly Day = new(2026, 4, 27);

    public static TheoryData<int?, bool, string> Days => new()
    {
        { 60, false, "\"2026-04-27:60\"" },
        { 60, true, "\"2026-04-27:60:b\"" },
        { null, false, "\"2026-04-27\"" },
        { null, true, "\"2026-04-27::b\"" },
        { 0, false, "\"2026-04-27:0\"" },
        { 1440, false, "\"2026-04-27:1440\"" },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void A_day_is_stored_as_one_short_string_and_reads_back_the_same(int? minutes, bool backfilled, string json)
    {
        var day = new ProgressDay(Day, minutes, backfilled);
        Assert.Equal(json, JsonSerializer.Serialize(day));
        Assert.Equal(day, JsonSerializer.Deserialize<ProgressDay>(json));
    }

    [Fact]
    public void An_escaped_string_reads_the_same() =>
        Assert.Equal(new ProgressDay(Day, 60, true), JsonSerializer.Deserialize<ProgressDay>("\"2026-04-27\\u003A60:b\""));

    [Fact]
    public void A_document_written_before_reads_its_days_as_objects()
    {
        var days = JsonSerializer.Deserialize<List<ProgressDay>>(
            """[{"Date":"2026-04-27","Minutes":60,"Backfilled":false},{"date":"2026-04-28","minutes":null,"backfilled":true,"unknown":[1]}]""");
        Assert.Equal([new ProgressDay(Day, 60, false), new ProgressDay(Day.AddDays(1), null, true)], days);
    }

    [Theory]
    [InlineData("\"27/04/2026:60\"")]
    [InlineData("\"2026-04-27:sixty\"")]
    [InlineData("\"2026-04-27:60:b:extra\"")]
    [InlineData("\"2026-02-30:60\"")]
    [InlineData("\"2026-04-27 60\"")]
    [InlineData("\"2026-04-27:-5\"")]
    [InlineData("\"2026-04-27:60:x\"")]
    [InlineData("\"\"")]
    [InlineData("{\"Minutes\":60}")]
    [InlineData("42")]
    public void Anything_else_is_refused_as_bad_json(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ProgressDay>(json));
}
