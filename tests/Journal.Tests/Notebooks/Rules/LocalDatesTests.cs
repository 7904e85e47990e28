using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

public class LocalDatesTests
{
    private static readonly TimeOnly Midnight = TimeOnly.MinValue;

    // Europe/Berlin 2026: 02:00 CET -> 03:00 CEST on 03-29 (01:00Z); 03:00 CEST -> 02:00 CET on 10-25 (01:00Z).
    [Theory]
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")] // 23:59:59 CET
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // 00:00 CET
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 01:59:59 CET, the last second before the jump
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")] // 23:59:59 CEST: 03-29 has 23 hours
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")] // 00:00 CEST, an hour earlier in UTC than the day before
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")] // 00:00 CEST
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 02:30 CEST, first pass
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 02:30 CET, second pass
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")] // 23:59:59 CET: 10-25 has 25 hours
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")] // 00:00 CET
    public void Berlin_dates_across_DST_with_the_day_starting_at_midnight(string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone("Europe/Berlin"), Midnight));

    // Australia/Sydney 2026: 03:00 AEDT -> 02:00 AEST on 04-05 (04-04 16:00Z); 02:00 AEST -> 03:00 AEDT on 10-04 (10-03 16:00Z).
    [Theory]
    [InlineData("2026-04-04T12:59:59Z", "2026-04-04")] // 23:59:59 AEDT
    [InlineData("2026-04-04T13:00:00Z", "2026-04-05")] // 00:00 AEDT
    [InlineData("2026-04-04T16:30:00Z", "2026-04-05")] // 02:30 AEST, second pass
    [InlineData("2026-04-05T13:59:59Z", "2026-04-05")] // 23:59:59 AEST: 04-05 has 25 hours
    [InlineData("2026-04-05T14:00:00Z", "2026-04-06")] // 00:00 AEST
    [InlineData("2026-10-03T13:59:59Z", "2026-10-03")] // 23:59:59 AEST
    [InlineData("2026-10-03T14:00:00Z", "2026-10-04")] // 00:00 AEST
    [InlineData("2026-10-03T16:00:00Z", "2026-10-04")] // 03:00 AEDT
    [InlineData("2026-10-04T12:59:59Z", "2026-10-04")] // 23:59:59 AEDT: 10-04 has 23 hours
    [InlineData("2026-10-04T13:00:00Z", "2026-10-05")] // 00:00 AEDT
    [InlineData("2026-12-31T12:59:59Z", "2026-12-31")] // 23:59:59 AEDT
    [InlineData("2026-12-31T13:00:00Z", "2027-01-01")] // 00:00 AEDT, while it is still 2026 in UTC
    public void Sydney_dates_across_DST_and_the_year_end(string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone("Australia/Sydney"), Midnight));

    // America/New_York 2026: 02:00 EST -> 03:00 EDT on 03-08 (07:00Z); 02:00 EDT -> 01:00 EST on 11-01 (06:00Z).
    [Theory]
    [InlineData("2026-03-08T04:59:59Z", "2026-03-07")] // 23:59:59 EST
    [InlineData("2026-03-08T05:00:00Z", "2026-03-08")] // 00:00 EST
    [InlineData("2026-03-09T03:59:59Z", "2026-03-08")] // 23:59:59 EDT
    [InlineData("2026-03-09T04:00:00Z", "2026-03-09")] // 00:00 EDT
    [InlineData("2026-03-10T03:30:00Z", "2026-03-09")] // 23:30 EDT, though 03-10 in UTC
    [InlineData("2026-11-01T05:30:00Z", "2026-11-01")] // 01:30 EDT
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01")] // 01:30 EST
    [InlineData("2026-11-02T04:59:59Z", "2026-11-01")] // 23:59:59 EST
    public void New_York_dates_across_DST(string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone("America/New_York"), Midnight));

    [Theory]
    // An ordinary night: 02:30 local counts for the previous date.
    [InlineData("Europe/Berlin", "03:00", "2026-03-10T01:30:00Z", "2026-03-09")] // 02:30 CET
    [InlineData("Europe/Berlin", "03:00", "2026-03-10T01:59:59Z", "2026-03-09")] // 02:59:59 CET
    [InlineData("Europe/Berlin", "03:00", "2026-03-10T02:00:00Z", "2026-03-10")] // 03:00 CET
    [InlineData("Australia/Sydney", "03:00", "2026-07-01T16:30:00Z", "2026-07-01")] // 02:30 AEST on 07-02
    [InlineData("America/New_York", "03:00", "2026-03-10T06:30:00Z", "2026-03-09")] // 02:30 EDT
    // The clocks go forward: the day starts when they jump to 03:00.
    [InlineData("Europe/Berlin", "03:00", "2026-03-29T00:59:59Z", "2026-03-28")] // 01:59:59 CET
    [InlineData("Europe/Berlin", "03:00", "2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST
    [InlineData("America/New_York", "03:00", "2026-03-08T06:59:59Z", "2026-03-07")] // 01:59:59 EST
    [InlineData("America/New_York", "03:00", "2026-03-08T07:00:00Z", "2026-03-08")] // 03:00 EDT
    // The clocks go back: the repeated hour before 03:00 still counts for the previous date.
    [InlineData("Europe/Berlin", "03:00", "2026-10-25T00:59:59Z", "2026-10-24")] // 02:59:59 CEST
    [InlineData("Europe/Berlin", "03:00", "2026-10-25T01:30:00Z", "2026-10-24")] // 02:30 CET
    [InlineData("Europe/Berlin", "03:00", "2026-10-25T02:00:00Z", "2026-10-25")] // 03:00 CET
    [InlineData("Australia/Sydney", "03:00", "2026-04-04T15:59:59Z", "2026-04-04")] // 02:59:59 AEDT
    [InlineData("Australia/Sydney", "03:00", "2026-04-04T16:30:00Z", "2026-04-04")] // 02:30 AEST
    [InlineData("Australia/Sydney", "03:00", "2026-04-04T17:00:00Z", "2026-04-05")] // 03:00 AEST
    public void Study_before_the_day_starts_counts_for_the_previous_date(string zone, string dayStartsAt, string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone(zone), Time(dayStartsAt)));

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29T00:59:59Z", "2026-03-28")] // 01:59:59 CET
    [InlineData("Europe/Berlin", "2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST: 02:30 never shows
    [InlineData("Australia/Sydney", "2026-10-03T15:59:59Z", "2026-10-03")] // 01:59:59 AEST
    [InlineData("Australia/Sydney", "2026-10-03T16:00:00Z", "2026-10-04")] // 03:00 AEDT
    public void A_day_starting_in_a_skipped_hour_starts_when_the_clocks_jump(string zone, string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone(zone), new TimeOnly(2, 30)));

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-25T00:29:59Z", "2026-10-24")] // 02:29:59 CEST
    [InlineData("Europe/Berlin", "2026-10-25T00:30:00Z", "2026-10-25")] // 02:30 CEST, first pass
    [InlineData("Europe/Berlin", "2026-10-25T01:15:00Z", "2026-10-25")] // 02:15 CET, second pass: not back to 10-24
    [InlineData("Australia/Sydney", "2026-04-04T15:29:59Z", "2026-04-04")] // 02:29:59 AEDT
    [InlineData("Australia/Sydney", "2026-04-04T15:30:00Z", "2026-04-05")] // 02:30 AEDT, first pass
    [InlineData("Australia/Sydney", "2026-04-04T16:10:00Z", "2026-04-05")] // 02:10 AEST, second pass
    public void A_day_starting_in_a_repeated_hour_starts_at_its_first_pass(string zone, string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone(zone), new TimeOnly(2, 30)));

    [Theory]
    [InlineData("UTC", "00:00", "2028-02-29T12:00:00Z", "2028-02-29")]
    [InlineData("UTC", "03:00", "2028-03-01T02:00:00Z", "2028-02-29")]
    [InlineData("UTC", "03:00", "2027-03-01T02:00:00Z", "2027-02-28")]
    [InlineData("UTC", "03:00", "2027-01-01T02:59:59Z", "2026-12-31")]
    [InlineData("Europe/Berlin", "03:00", "2027-01-01T01:59:59Z", "2026-12-31")] // 02:59:59 CET on New Year's Day
    [InlineData("Europe/Berlin", "03:00", "2027-01-01T02:00:00Z", "2027-01-01")] // 03:00 CET
    public void Leap_days_and_year_ends(string zone, string dayStartsAt, string now, string expected) =>
        Assert.Equal(Date(expected), LocalDates.Today(Instant(now), Zone(zone), Time(dayStartsAt)));

    [Theory]
    [InlineData("Europe/Berlin", "00:00")]
    [InlineData("Europe/Berlin", "02:30")]
    [InlineData("Europe/Berlin", "03:00")]
    [InlineData("Australia/Sydney", "02:30")]
    [InlineData("America/New_York", "01:30")]
    [InlineData("America/New_York", "02:30")]
    public void Through_a_whole_year_each_date_comes_once_and_in_order(string zone, string dayStartsAt)
    {
        var timeZone = Zone(zone);
        var previous = LocalDates.Today(Instant("2026-01-01T00:00:00Z"), timeZone, Time(dayStartsAt));
        var newDates = 0;

        for (var now = Instant("2026-01-01T00:15:00Z"); now.Year < 2027; now = now.AddMinutes(15))
        {
            var today = LocalDates.Today(now, timeZone, Time(dayStartsAt));
            Assert.True(today == previous || today == previous.AddDays(1), $"{now:O} gave {today:O} after {previous:O}");
            newDates += today == previous ? 0 : 1;
            previous = today;
        }
        Assert.Equal(365, newDates);
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-10", 8)]
    [InlineData("2026-03-07", "2026-03-09", 2)] // across New York's short day
    [InlineData("2028-02-28", "2028-03-01", 2)]
    [InlineData("2027-02-28", "2027-03-01", 1)]
    [InlineData("2026-12-31", "2027-01-01", 1)]
    [InlineData("2026-03-10", "2026-03-02", -8)]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    public void Days_between_counts_calendar_days(string from, string to, int expected) =>
        Assert.Equal(expected, LocalDates.DaysBetween(Date(from), Date(to)));
}
