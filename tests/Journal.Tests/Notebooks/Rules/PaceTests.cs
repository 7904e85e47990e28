using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

public class PaceTests
{
    // "10 days over 2 weeks, started April 27": the deadline is 2026-05-10.
    [Theory]
    [InlineData("2026-03-28", 0, 0, PaceState.OnTrack)] // a month before the start
    [InlineData("2026-04-26", 0, 0, PaceState.OnTrack)] // the day before the start
    [InlineData("2026-04-27", 0, 1, PaceState.Behind)] // elapsed 1: ceil(10 × 1 / 14) = 1
    [InlineData("2026-04-27", 1, 1, PaceState.OnTrack)]
    [InlineData("2026-04-27", 2, 1, PaceState.Ahead)]
    [InlineData("2026-04-28", 2, 2, PaceState.OnTrack)] // ceil(20 / 14) = 2
    [InlineData("2026-04-29", 2, 3, PaceState.Behind)] // ceil(30 / 14) = 3
    [InlineData("2026-05-03", 4, 5, PaceState.Behind)] // elapsed 7: 70 / 14 = 5 exactly
    [InlineData("2026-05-03", 5, 5, PaceState.OnTrack)]
    [InlineData("2026-05-03", 6, 5, PaceState.Ahead)]
    [InlineData("2026-05-04", 5, 6, PaceState.Behind)] // ceil(80 / 14) = 6
    [InlineData("2026-05-09", 9, 10, PaceState.Behind)] // ceil(130 / 14) = 10
    [InlineData("2026-05-10", 9, 10, PaceState.Behind)] // on the deadline: late, not yet overdue
    [InlineData("2026-05-10", 10, 10, PaceState.Completed)]
    [InlineData("2026-05-11", 9, 10, PaceState.Overdue)] // the day after the deadline
    [InlineData("2026-08-01", 0, 10, PaceState.Overdue)]
    [InlineData("2026-05-11", 10, 10, PaceState.Completed)]
    [InlineData("2026-04-28", 10, 2, PaceState.Completed)] // completed early is Completed, not Ahead
    [InlineData("2026-05-20", 12, 10, PaceState.Completed)] // more days than a lowered plan asks
    public void Ten_days_over_two_weeks(string today, int daysLogged, int expectedByToday, PaceState state) =>
        Assert.Equal(
            new PaceSummary(state, expectedByToday, Date("2026-05-10")),
            Pace.Summarize(planDays: 10, spanDays: 14, Date("2026-04-27"), Date(today), daysLogged));

    [Theory]
    [InlineData("2026-03-04", 2, 3, PaceState.Behind)]
    [InlineData("2026-03-04", 3, 3, PaceState.OnTrack)]
    [InlineData("2026-03-06", 4, 5, PaceState.Behind)] // on the deadline
    [InlineData("2026-03-07", 4, 5, PaceState.Overdue)]
    public void A_plan_with_no_room_for_rest_expects_a_day_a_day(string today, int daysLogged, int expectedByToday, PaceState state) =>
        Assert.Equal(
            new PaceSummary(state, expectedByToday, Date("2026-03-06")),
            Pace.Summarize(planDays: 5, spanDays: 5, Date("2026-03-02"), Date(today), daysLogged));

    [Theory]
    [InlineData(10, 14, 7, 5)]
    [InlineData(14, 50, 25, 7)] // ceil(14.0 / 50 × 25) is 8 in floating point
    [InlineData(3, 187, 186, 3)]
    [InlineData(3, 187, 187, 3)] // ceil(3.0 / 187 × 187) is 4 in floating point
    [InlineData(366, 731, 1, 1)]
    [InlineData(366, 731, 2, 2)]
    [InlineData(366, 731, 730, 366)]
    [InlineData(366, 731, 731, 366)]
    [InlineData(1, 731, 1, 1)]
    public void Expected_days_round_up_exactly(int planDays, int spanDays, int elapsed, int expected)
    {
        var start = Date("2026-01-01");
        Assert.Equal(expected, Pace.ExpectedByToday(planDays, spanDays, start, start.AddDays(elapsed - 1)));
    }

    [Theory]
    [InlineData("2026-04-27", 14, "2026-05-10")]
    [InlineData("2026-04-27", 1, "2026-04-27")]
    [InlineData("2026-12-25", 14, "2027-01-07")]
    [InlineData("2028-02-20", 14, "2028-03-04")]
    [InlineData("2027-02-20", 14, "2027-03-05")]
    [InlineData("2026-03-02", 731, "2028-03-01")] // two years, one with a leap day
    public void The_deadline_is_the_last_date_of_the_span(string startDate, int spanDays, string deadline) =>
        Assert.Equal(Date(deadline), Pace.Deadline(Date(startDate), spanDays));

    [Theory]
    [InlineData(0, 14, 0)]
    [InlineData(10, 9, 0)]
    [InlineData(10, 14, -1)]
    public void Impossible_plans_are_refused(int planDays, int spanDays, int daysLogged) =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Pace.Summarize(planDays, spanDays, Date("2026-04-27"), Date("2026-04-30"), daysLogged));
}
