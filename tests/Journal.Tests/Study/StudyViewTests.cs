using Journal.Study;

namespace Journal.Tests.Study;

/// <summary>The account-wide figures (domain.md, "The account-wide study view") from projected facts.</summary>
public sealed class StudyViewTests
{
    private static readonly Guid Rust = Guid.Parse("0196f1c4-0000-7000-8000-000000000001");
    private static readonly Guid Go = Guid.Parse("0196f1c4-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private static AccountStudy Study() => new()
    {
        Id = "account",
        Notebooks =
        [
            new StudyNotebook(Rust, "Rust ownership", "America/New_York", TimeOnly.MinValue, Now.AddDays(-10)),
            new StudyNotebook(Go, "Go channels", "Asia/Tokyo", new TimeOnly(4, 0), Now.AddDays(-9)),
        ],
        Entries =
        [
            new StudyEntry(Rust, new DateOnly(2026, 3, 2), 45),
            new StudyEntry(Go, new DateOnly(2026, 3, 2), 30),
            new StudyEntry(Rust, new DateOnly(2026, 3, 3), 45),
            new StudyEntry(Go, new DateOnly(2026, 3, 5), 20),
            new StudyEntry(Go, new DateOnly(2026, 3, 9), 60),
        ],
        RestDays = [new StudyRest(Go, new DateOnly(2026, 3, 4)), new StudyRest(Rust, new DateOnly(2026, 3, 5))],
    };

    [Fact]
    public void Dates_are_counted_across_notebooks_two_entries_on_one_date_being_one_studied_date()
    {
        var view = StudyView.Build(Study(), Now, 40, 40);

        Assert.Equal(5, view.Entries);
        Assert.Equal(4, view.StudiedDays);
        // 03-05 was skipped by one notebook and studied in the other: studied, not rested.
        Assert.Equal(1, view.RestDays);
        Assert.Equal(200, view.MinutesStudied);
        Assert.Equal(new StudyDayShape(new DateOnly(2026, 3, 2), 2, 75, false), Shape(view.Days[0]));
        Assert.Equal(new StudyDayShape(new DateOnly(2026, 3, 4), 0, 0, true), Shape(view.Days[2]));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 9)],
            view.Days.Select(d => d.Date));
    }

    [Fact]
    public void The_streak_follows_the_run_rule_over_all_notebooks_in_the_newest_notebooks_zone()
    {
        // Tokyo, day starting 04:00: 23:00 on 03-10 in Tokyo is 14:00 UTC. Today is 03-10, yesterday 03-09 (studied).
        var view = StudyView.Build(Study(), Now, 40, 40);

        Assert.Equal("Asia/Tokyo", view.TimeZone);
        Assert.Equal(new DateOnly(2026, 3, 10), view.Today);
        Assert.Equal(1, view.CurrentStreak);  // 03-09 alone: 03-06..03-08 were missed
        Assert.Equal(3, view.LongestStreak);  // 03-02, 03-03, (rest 03-04), 03-05
    }

    [Fact]
    public void Minutes_are_summed_per_iso_week_and_by_notebook()
    {
        var view = StudyView.Build(Study(), Now, 40, 40);

        Assert.Equal([("2026-W10", new DateOnly(2026, 3, 2), 140), ("2026-W11", new DateOnly(2026, 3, 9), 60)],
            view.MinutesByWeek.Select(w => (w.Week, w.Starts, w.Minutes)));
        Assert.Equal([("Go channels", 3, 110, 1), ("Rust ownership", 2, 90, 1)],
            view.Notebooks.Select(n => (n.Title, n.Entries, n.Minutes, n.RestDays)));
    }

    [Fact]
    public void It_says_it_is_updating_while_the_projection_trails_the_store()
    {
        Assert.True(StudyView.Build(Study(), Now, 39, 40).Updating);
        Assert.False(StudyView.Build(Study(), Now, 40, 40).Updating);
    }

    [Fact]
    public void An_account_without_notebooks_counts_nothing_in_utc()
    {
        var view = StudyView.Build(null, Now, 0, 0);

        Assert.Equal(("UTC", 0, 0, 0, 0), (view.TimeZone, view.Entries, view.CurrentStreak, view.LongestStreak, view.Days.Count));
    }

    private sealed record StudyDayShape(DateOnly Date, int Entries, int Minutes, bool Rested);

    private static StudyDayShape Shape(Contracts.StudyDay day) => new(day.Date, day.Entries, day.Minutes, day.Rested);
}
