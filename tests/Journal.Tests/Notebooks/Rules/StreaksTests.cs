using static Journal.Tests.Notebooks.Rules.Values;

using CsCheck;
using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

public class StreaksTests
{
    [Fact]
    public void Worked_example_on_03_10_has_current_1_and_longest_4()
    {
        var summary = Summarize(
            studied: "2026-03-02 2026-03-03 2026-03-04 2026-03-06 2026-03-09",
            rested: "2026-03-05",
            today: "2026-03-10");

        Assert.Equal(new StreakSummary(1, 4, [
            Run("2026-03-02", "2026-03-06", 4, rested: "2026-03-05", endedBy: "2026-03-07"),
            Run("2026-03-09", "2026-03-09", 1),
        ]), summary);
    }

    [Theory]
    [InlineData("2026-03-09")] // the evening of 03-09, the day was still pending
    [InlineData("2026-03-10")] // 03-10, before the backfill
    public void Worked_example_without_the_backfilled_entry_has_no_current_streak(string today)
    {
        var summary = Summarize(
            studied: "2026-03-02 2026-03-03 2026-03-04 2026-03-06",
            rested: "2026-03-05",
            today: today);

        Assert.Equal(new StreakSummary(0, 4, [
            Run("2026-03-02", "2026-03-06", 4, rested: "2026-03-05", endedBy: "2026-03-07"),
        ]), summary);
    }

    [Fact]
    public void No_dates_no_runs() =>
        Assert.Equal(new StreakSummary(0, 0, []), Summarize(studied: "", rested: "", today: "2026-03-10"));

    [Fact]
    public void An_empty_today_is_pending_and_does_not_end_the_run() =>
        Assert.Equal(
            new StreakSummary(3, 3, [Run("2026-03-07", "2026-03-09", 3)]),
            Summarize(studied: "2026-03-07 2026-03-08 2026-03-09", rested: "", today: "2026-03-10"));

    [Fact]
    public void A_studied_today_extends_the_run() =>
        Assert.Equal(
            new StreakSummary(4, 4, [Run("2026-03-07", "2026-03-10", 4)]),
            Summarize(studied: "2026-03-07 2026-03-08 2026-03-09 2026-03-10", rested: "", today: "2026-03-10"));

    [Fact]
    public void A_missed_yesterday_ends_the_run() =>
        Assert.Equal(
            new StreakSummary(0, 2, [Run("2026-03-07", "2026-03-08", 2, endedBy: "2026-03-09")]),
            Summarize(studied: "2026-03-07 2026-03-08", rested: "", today: "2026-03-10"));

    [Fact]
    public void One_missed_day_splits_two_runs() =>
        Assert.Equal(
            new StreakSummary(2, 3, [
                Run("2026-03-01", "2026-03-03", 3, endedBy: "2026-03-04"),
                Run("2026-03-05", "2026-03-06", 2),
            ]),
            Summarize(studied: "2026-03-01 2026-03-02 2026-03-03 2026-03-05 2026-03-06", rested: "", today: "2026-03-06"));

    [Fact]
    public void A_chain_of_rests_inside_a_run_neither_counts_nor_breaks() =>
        Assert.Equal(
            new StreakSummary(3, 3, [
                Run("2026-03-01", "2026-03-06", 3, rested: "2026-03-02 2026-03-03 2026-03-04"),
            ]),
            Summarize(
                studied: "2026-03-01 2026-03-05 2026-03-06",
                rested: "2026-03-02 2026-03-03 2026-03-04",
                today: "2026-03-06"));

    [Fact]
    public void Leading_rests_belong_to_the_run() =>
        Assert.Equal(
            new StreakSummary(2, 2, [Run("2026-03-01", "2026-03-04", 2, rested: "2026-03-01 2026-03-02")]),
            Summarize(studied: "2026-03-03 2026-03-04", rested: "2026-03-01 2026-03-02", today: "2026-03-05"));

    [Theory]
    [InlineData("2026-03-04 2026-03-05 2026-03-06 2026-03-07 2026-03-08 2026-03-09", "2026-03-09")]
    [InlineData("2026-03-04 2026-03-05 2026-03-06 2026-03-07 2026-03-08 2026-03-09 2026-03-10", "2026-03-10")]
    public void Trailing_rests_up_to_yesterday_or_today_keep_the_run_alive(string rested, string to) =>
        Assert.Equal(
            new StreakSummary(3, 3, [Run("2026-03-01", to, 3, rested: rested)]),
            Summarize(studied: "2026-03-01 2026-03-02 2026-03-03", rested: rested, today: "2026-03-10"));

    [Fact]
    public void Trailing_rests_then_a_missed_day_end_the_run_at_the_last_rest() =>
        Assert.Equal(
            new StreakSummary(0, 2, [
                Run("2026-03-01", "2026-03-04", 2, rested: "2026-03-03 2026-03-04", endedBy: "2026-03-05"),
            ]),
            Summarize(studied: "2026-03-01 2026-03-02", rested: "2026-03-03 2026-03-04", today: "2026-03-10"));

    [Fact]
    public void Rest_alone_is_no_run() =>
        Assert.Equal(
            new StreakSummary(0, 0, []),
            Summarize(studied: "", rested: "2026-03-07 2026-03-08 2026-03-09 2026-03-10", today: "2026-03-10"));

    [Fact]
    public void Rests_after_a_missed_day_do_not_revive_a_run() =>
        Assert.Equal(
            new StreakSummary(0, 1, [Run("2026-03-01", "2026-03-01", 1, endedBy: "2026-03-02")]),
            Summarize(
                studied: "2026-03-01",
                rested: "2026-03-03 2026-03-04 2026-03-05 2026-03-06 2026-03-07 2026-03-08 2026-03-09",
                today: "2026-03-10"));

    [Fact]
    public void Skips_after_today_are_ignored() =>
        Assert.Equal(
            new StreakSummary(2, 2, [Run("2026-03-08", "2026-03-10", 2, rested: "2026-03-10")]),
            Summarize(
                studied: "2026-03-08 2026-03-09",
                rested: "2026-03-10 2026-03-11 2026-03-12 2026-04-09",
                today: "2026-03-10"));

    [Fact]
    public void Entries_after_today_are_ignored() =>
        Assert.Equal(
            new StreakSummary(1, 1, [Run("2026-03-10", "2026-03-10", 1)]),
            Summarize(studied: "2026-03-10 2026-03-11 2026-03-12", rested: "", today: "2026-03-10"));

    [Fact]
    public void An_entry_supersedes_a_skip_of_the_same_date() =>
        Assert.Equal(
            new StreakSummary(2, 2, [Run("2026-03-01", "2026-03-02", 2)]),
            Summarize(studied: "2026-03-01 2026-03-02", rested: "2026-03-02", today: "2026-03-02"));

    [Fact]
    public void Input_order_and_duplicates_do_not_matter() =>
        Assert.Equal(
            Summarize(studied: "2026-03-01 2026-03-02 2026-03-04", rested: "2026-03-03", today: "2026-03-05"),
            Summarize(studied: "2026-03-04 2026-03-01 2026-03-04 2026-03-02", rested: "2026-03-03 2026-03-03", today: "2026-03-05"));

    [Fact]
    public void The_longest_run_need_not_be_the_latest() =>
        Assert.Equal(
            new StreakSummary(1, 3, [
                Run("2026-03-01", "2026-03-01", 1, endedBy: "2026-03-02"),
                Run("2026-03-03", "2026-03-05", 3, endedBy: "2026-03-06"),
                Run("2026-03-07", "2026-03-07", 1),
            ]),
            Summarize(
                studied: "2026-03-01 2026-03-03 2026-03-04 2026-03-05 2026-03-07",
                rested: "",
                today: "2026-03-08"));

    [Fact]
    public void A_run_crosses_the_year_end() =>
        Assert.Equal(
            new StreakSummary(4, 4, [Run("2026-12-30", "2027-01-03", 4, rested: "2027-01-02")]),
            Summarize(
                studied: "2026-12-30 2026-12-31 2027-01-01 2027-01-03",
                rested: "2027-01-02",
                today: "2027-01-03"));

    [Theory]
    [InlineData("2028-02-28 2028-02-29 2028-03-01", "2028-02-28", "2028-03-01", 3)]
    [InlineData("2027-02-27 2027-02-28 2027-03-01", "2027-02-27", "2027-03-01", 3)]
    public void A_run_crosses_the_end_of_February(string studied, string from, string to, int length) =>
        Assert.Equal(
            new StreakSummary(length, length, [Run(from, to, length)]),
            Summarize(studied: studied, rested: "", today: to));

    [Fact]
    public void A_missing_leap_day_ends_the_run() =>
        Assert.Equal(
            new StreakSummary(1, 1, [
                Run("2028-02-28", "2028-02-28", 1, endedBy: "2028-02-29"),
                Run("2028-03-01", "2028-03-01", 1),
            ]),
            Summarize(studied: "2028-02-28 2028-03-01", rested: "", today: "2028-03-01"));

    [Fact]
    public void A_run_logged_in_two_time_zones_counts_by_date()
    {
        var berlin = Zone("Europe/Berlin");
        var newYork = Zone("America/New_York");
        var studied = new[]
        {
            LocalDates.Today(Instant("2026-03-10T20:00:00Z"), berlin, TimeOnly.MinValue), // 21:00 in Berlin
            // The learner flies to New York and changes the notebook's zone.
            LocalDates.Today(Instant("2026-03-11T22:00:00Z"), newYork, TimeOnly.MinValue), // 18:00, 23:00 in Berlin
            LocalDates.Today(Instant("2026-03-13T03:00:00Z"), newYork, TimeOnly.MinValue), // 23:00 on 03-12, 03-13 in Berlin
        };
        var today = LocalDates.Today(Instant("2026-03-13T14:00:00Z"), newYork, TimeOnly.MinValue);

        Assert.Equal(
            new StreakSummary(3, 3, [Run("2026-03-10", "2026-03-12", 3)]),
            Streaks.Summarize(studied, [], today));
    }

    [Fact]
    public void Runs_and_summaries_compare_by_their_dates()
    {
        var run = Run("2026-03-01", "2026-03-03", 2, rested: "2026-03-02");

        Assert.Equal(run, Run("2026-03-01", "2026-03-03", 2, rested: "2026-03-02"));
        Assert.Equal(run.GetHashCode(), Run("2026-03-01", "2026-03-03", 2, rested: "2026-03-02").GetHashCode());
        Assert.NotEqual(run, run with { RestedDates = Dates("2026-03-03") });
        Assert.NotEqual(new StreakSummary(2, 2, [run]), new StreakSummary(2, 2, [run with { EndedBy = Date("2026-03-04") }]));
    }

    /// <summary>Dates within nine weeks of a base date, so that runs, gaps and today fall among them.</summary>
    private static readonly Gen<DateOnly[]> SomeDates = Gen.Int[0, 63].Array[0, 40].Select(offsets => offsets.Select(At).ToArray());

    private static DateOnly At(int offset) => Date("2026-03-01").AddDays(offset);

    [Fact]
    public void Lengths_are_the_summary_s_current_and_longest_for_dates_in_order() =>
        Gen.Select(SomeDates, SomeDates, Gen.Int[0, 70]).Sample((studied, rested, today) =>
        {
            var (inOrder, restInOrder) = (studied.Distinct().Order().ToArray(), rested.Distinct().Order().ToArray());
            var summary = Streaks.Summarize(inOrder, restInOrder, At(today));
            Assert.Equal((summary.Current, summary.Longest), Streaks.Lengths(inOrder, restInOrder, At(today)));
        }, iter: 5_000);

    [Fact]
    public void Lengths_do_not_depend_on_order_or_repeats() =>
        Gen.Select(SomeDates, SomeDates, Gen.Int[0, 70]).Sample((studied, rested, today) =>
        {
            var summary = Streaks.Summarize(studied, rested, At(today));
            Assert.Equal((summary.Current, summary.Longest), Streaks.Lengths(studied, rested, At(today)));
        }, iter: 5_000);

    [Fact]
    public void Lengths_of_the_worked_example()
    {
        Assert.Equal((1, 4), Streaks.Lengths(Dates("2026-03-02 2026-03-03 2026-03-04 2026-03-06 2026-03-09"), Dates("2026-03-05"), Date("2026-03-10")));
        // A later date out of order: taken, not cut off at the first date after today.
        Assert.Equal((0, 2), Streaks.Lengths(Dates("2026-03-02 2026-03-20 2026-03-03"), [], Date("2026-03-10")));
        // Rest alone is no run, at the end or anywhere.
        Assert.Equal((0, 1), Streaks.Lengths(Dates("2026-03-02"), Dates("2026-03-04 2026-03-05 2026-03-06"), Date("2026-03-07")));
    }

    private static StreakSummary Summarize(string studied, string rested, string today) =>
        Streaks.Summarize(Dates(studied), Dates(rested), Date(today));

    private static StudyRun Run(string from, string to, int length, string rested = "", string? endedBy = null) =>
        new(Date(from), Date(to), length, Dates(rested), endedBy is null ? null : Date(endedBy));
}
