using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

/// <summary>domain.md's "Rust ownership" notebook: 5 days over 7 from 2026-03-02, America/New_York.</summary>
public class WorkedExampleTests
{
    private static readonly DateOnly Start = Date("2026-03-02");
    private static readonly DateOnly[] Rested = Dates("2026-03-05");
    private static readonly DateOnly[] StudiedBy0306 = Dates("2026-03-02 2026-03-03 2026-03-04 2026-03-06");

    [Fact]
    public void On_03_10_after_the_backfill_it_is_completed_with_current_1_and_longest_4()
    {
        var today = LocalDates.Today(Instant("2026-03-10T14:00:00Z"), Zone("America/New_York"), TimeOnly.MinValue);
        var studied = StudiedBy0306.Append(Date("2026-03-09")).ToArray();

        var streaks = Streaks.Summarize(studied, Rested, today);
        var pace = Pace.Summarize(planDays: 5, spanDays: 7, Start, today, studied.Length);

        Assert.Equal(Date("2026-03-10"), today);
        Assert.Equal((1, 4), (streaks.Current, streaks.Longest));
        Assert.Equal(new PaceSummary(PaceState.Completed, 5, Date("2026-03-08")), pace);
    }

    [Fact]
    public void On_03_10_before_the_backfill_it_is_overdue_with_no_current_streak()
    {
        var today = Date("2026-03-10");

        var streaks = Streaks.Summarize(StudiedBy0306, Rested, today);
        var pace = Pace.Summarize(planDays: 5, spanDays: 7, Start, today, StudiedBy0306.Length);

        Assert.Equal((0, 4), (streaks.Current, streaks.Longest));
        Assert.Equal(new PaceSummary(PaceState.Overdue, 5, Date("2026-03-08")), pace);
    }

    [Fact]
    public void On_03_06_it_is_on_track_with_the_rest_inside_the_run()
    {
        var today = Date("2026-03-06");

        var streaks = Streaks.Summarize(StudiedBy0306, Rested, today);
        var pace = Pace.Summarize(planDays: 5, spanDays: 7, Start, today, StudiedBy0306.Length);

        Assert.Equal((4, 4), (streaks.Current, streaks.Longest));
        Assert.Equal(new PaceSummary(PaceState.OnTrack, 4, Date("2026-03-08")), pace); // ceil(5 × 5 / 7) = 4
    }
}
