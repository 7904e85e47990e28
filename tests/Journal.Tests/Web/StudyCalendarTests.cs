using Journal.Web;
using static Journal.Tests.Notebooks.Rules.Values;

namespace Journal.Tests.Web;

public class StudyCalendarTests
{
    /// <summary>domain.md's worked example on 2026-03-10: completed, entries 03-02…04, 06, 09, a rest on 03-05.</summary>
    private static readonly CalendarFacts RustOwnership = Facts(
        studied: "2026-03-02 2026-03-03 2026-03-04 2026-03-06 2026-03-09", rested: "2026-03-05",
        start: "2026-03-02", deadline: "2026-03-08", today: "2026-03-10", inProgress: false, days: 5);

    [Theory]
    [InlineData("2026-03-01", CalendarDayKind.Outside)] // before the start
    [InlineData("2026-03-02", CalendarDayKind.Studied)]
    [InlineData("2026-03-04", CalendarDayKind.Studied)]
    [InlineData("2026-03-05", CalendarDayKind.Rested)]
    [InlineData("2026-03-06", CalendarDayKind.Studied)]
    [InlineData("2026-03-07", CalendarDayKind.Free)] // 5 days over 7 leave 2 free
    [InlineData("2026-03-08", CalendarDayKind.Free)] // the deadline
    [InlineData("2026-03-09", CalendarDayKind.Studied)] // after the deadline, backfilled
    [InlineData("2026-03-10", CalendarDayKind.Outside)] // today, but a completed notebook takes no more days
    [InlineData("2026-03-11", CalendarDayKind.Outside)]
    public void The_worked_example(string date, CalendarDayKind kind) =>
        Assert.Equal(kind, StudyCalendar.Classify(Date(date), RustOwnership));

    // "10 days over 2 weeks, started April 27" (deadline May 10), still in progress: the plan leaves 4 dates free.
    [Theory]
    [InlineData("2026-05-03", "2026-04-26", CalendarDayKind.Outside)]
    [InlineData("2026-05-03", "2026-04-27", CalendarDayKind.Studied)]
    [InlineData("2026-05-03", "2026-04-28", CalendarDayKind.Free)] // the first empty date takes the slack
    [InlineData("2026-05-03", "2026-04-29", CalendarDayKind.Rested)] // a rest takes none of it
    [InlineData("2026-05-03", "2026-05-02", CalendarDayKind.Free)] // the fourth empty date: the slack is used up
    [InlineData("2026-05-04", "2026-05-03", CalendarDayKind.Missed)] // the fifth is missed
    [InlineData("2026-05-03", "2026-05-03", CalendarDayKind.Pending)] // today is pending, not missed
    [InlineData("2026-05-03", "2026-05-04", CalendarDayKind.Upcoming)]
    [InlineData("2026-05-03", "2026-05-06", CalendarDayKind.Rested)] // a rest planned ahead
    [InlineData("2026-05-03", "2026-05-10", CalendarDayKind.Upcoming)] // the deadline
    [InlineData("2026-05-03", "2026-05-11", CalendarDayKind.Outside)] // beyond the plan
    [InlineData("2026-05-14", "2026-05-10", CalendarDayKind.Missed)]
    [InlineData("2026-05-14", "2026-05-11", CalendarDayKind.PastPlan)] // overdue: past the plan, not missed
    [InlineData("2026-05-14", "2026-05-13", CalendarDayKind.PastPlan)]
    [InlineData("2026-05-14", "2026-05-14", CalendarDayKind.Pending)]
    [InlineData("2026-05-14", "2026-05-15", CalendarDayKind.Outside)]
    public void A_notebook_in_progress(string today, string date, CalendarDayKind kind)
    {
        var facts = Facts(studied: "2026-04-27", rested: "2026-04-29 2026-05-06", start: "2026-04-27", deadline: "2026-05-10", today: today, inProgress: true, days: 10);
        Assert.Equal(kind, StudyCalendar.Classify(Date(date), facts));
    }

    [Theory]
    [InlineData("2026-05-01", CalendarDayKind.Free)] // in the plan: the fourth empty date, still the slack
    [InlineData("2026-05-02", CalendarDayKind.Missed)] // the fifth: missed all the same
    [InlineData("2026-05-03", CalendarDayKind.Outside)] // today: an abandoned notebook takes no days
    [InlineData("2026-05-05", CalendarDayKind.Outside)] // no longer ahead in any plan
    public void An_abandoned_notebook(string date, CalendarDayKind kind)
    {
        var facts = Facts(studied: "2026-04-27", rested: "", start: "2026-04-27", deadline: "2026-05-10", today: "2026-05-03", inProgress: false, days: 10);
        Assert.Equal(kind, StudyCalendar.Classify(Date(date), facts));
    }

    [Fact]
    public void An_entry_outranks_a_rest_on_the_same_date()
    {
        var facts = Facts(studied: "2026-04-28", rested: "2026-04-28", start: "2026-04-27", deadline: "2026-05-10", today: "2026-05-03", inProgress: true);
        Assert.Equal(CalendarDayKind.Studied, StudyCalendar.Classify(Date("2026-04-28"), facts));
    }

    [Theory]
    [InlineData(null, 60, 2)]
    [InlineData(1, 60, 1)]
    [InlineData(29, 60, 1)]
    [InlineData(30, 60, 2)]
    [InlineData(59, 60, 2)]
    [InlineData(60, 60, 3)]
    [InlineData(240, 60, 3)]
    [InlineData(20, 45, 1)]
    [InlineData(45, 45, 3)]
    [InlineData(45, null, 2)] // no daily plan: measured against an hour
    [InlineData(60, null, 3)]
    public void Studied_days_are_shaded_by_minutes_against_the_daily_plan(int? minutes, int? minutesPerDay, int level) =>
        Assert.Equal(level, StudyCalendar.Level(minutes, minutesPerDay));

    [Fact]
    public void The_calendar_runs_monday_to_sunday_over_the_plan_widened_to_the_minimum()
    {
        var view = StudyCalendar.Build(RustOwnership); // Mon 03-02 … Tue 03-10: two weeks, widened to twelve

        Assert.Equal(StudyCalendar.MinWeeks, view.Weeks.Count);
        Assert.All(view.Weeks, week => Assert.Equal(7, week.Count));
        Assert.Equal((DayOfWeek.Monday, DayOfWeek.Sunday), (view.First.DayOfWeek, view.Last.DayOfWeek));
        Assert.Equal(Date("2026-03-02").AddDays(-7 * 5), view.First); // five weeks before, five after
        Assert.Equal(Date("2026-03-15").AddDays(7 * 5), view.Last);
        var days = view.Weeks.SelectMany(w => w).ToList();
        Assert.Equal(Enumerable.Range(0, days.Count).Select(i => view.First.AddDays(i)), days.Select(d => d.Date));
        Assert.Equal((5, 1, 0, 2), (view.StudiedCount, view.RestedCount, view.MissedCount, view.FreeCount));
        Assert.Null(view.OverdueSince); // completed: not overdue
        Assert.Single(days, d => d.IsToday);
        Assert.Equal(Date("2026-03-10"), days.Single(d => d.IsToday).Date);
        Assert.Equal(3, days.Single(d => d.Date == Date("2026-03-02")).Level); // 45 of a 45-minute plan
    }

    [Fact]
    public void A_calendar_longer_than_a_year_is_drawn_a_year_at_a_time_with_the_plans_year_first()
    {
        // Started Wed 2025-01-01: 200 days over 300, one studied; overdue on 2026-03-10.
        var facts = Facts(studied: "2025-01-01", rested: "", start: "2025-01-01", deadline: "2025-10-27", today: "2026-03-10", inProgress: true, days: 200);
        var view = StudyCalendar.Build(facts);

        Assert.Equal([2025, 2026], view.Years);
        Assert.Equal(2025, view.Year);
        Assert.Equal((Date("2024-12-30"), Date("2026-01-04")), (view.First, view.Last));
        Assert.Equal((1, 100, 199), (view.StudiedCount, view.FreeCount, view.MissedCount)); // 299 empty dates, 100 of them the slack
        Assert.Equal((Date("2025-10-28"), 134), (view.OverdueSince, view.OverdueDays));

        var later = StudyCalendar.Build(facts, 2026);
        Assert.Equal((Date("2025-12-29"), Date("2026-03-22")), (later.First, later.Last)); // widened to the twelve-week minimum
        Assert.All(later.Weeks.SelectMany(w => w).Where(d => d.Date > Date("2025-12-31") && d.Date < Date("2026-03-10")),
            d => Assert.Equal(CalendarDayKind.PastPlan, d.Kind));
        Assert.Equal(view.MissedCount, later.MissedCount); // the counts cover the whole notebook on every page
    }

    [Fact]
    public void An_old_notebook_draws_a_readable_calendar_of_its_own_year()
    {
        var facts = Facts(studied: "2022-01-03", rested: "", start: "2022-01-03", deadline: "2022-01-09", today: "2026-03-10", inProgress: true, days: 5);
        var view = StudyCalendar.Build(facts);

        Assert.Equal([2022, 2023, 2024, 2025, 2026], view.Years);
        Assert.Equal(2022, view.Year);
        Assert.InRange(view.Weeks.Count, 1, StudyCalendar.MaxWeeks);
        Assert.Equal(Date("2022-01-03"), view.First);
        Assert.Equal(4, view.MissedCount); // 6 empty dates, 2 of them left free by 5 days over 7
    }

    [Theory]
    [InlineData("2024-02-26", "2024-03-03", "2024-02-27 2024-02-28 2024-02-29 2024-03-01 2024-03-02")] // the leap day in the run
    [InlineData("2024-12-29", "2025-01-04", "2024-12-29 2024-12-30 2024-12-31 2025-01-01 2025-01-02")] // across the year end
    public void A_closed_notebook_of_years_ago_is_drawn_on_one_page_around_its_plan(string start, string deadline, string studied)
    {
        var facts = Facts(studied: studied, rested: "", start: start, deadline: deadline, today: "2026-11-29", inProgress: false, days: 5);
        var view = StudyCalendar.Build(facts);

        Assert.Empty(view.Years);
        Assert.Equal(StudyCalendar.MinWeeks, view.Weeks.Count);
        var days = view.Weeks.SelectMany(w => w).ToDictionary(d => d.Date);
        Assert.All(Dates(studied), d => Assert.Equal(CalendarDayKind.Studied, days[d].Kind));
        Assert.Equal((5, 0, 0, 2), (view.StudiedCount, view.RestedCount, view.MissedCount, view.FreeCount));
        Assert.Null(view.OverdueSince);
    }

    [Fact]
    public void The_seed_notebook_viewed_months_later_counts_inside_its_plan_and_says_how_long_it_is_overdue()
    {
        // 10 days over 2 weeks from April 27: six days studied, a rest day, viewed on November 29.
        var facts = Facts(studied: "2026-04-27 2026-04-28 2026-04-29 2026-04-30 2026-05-01 2026-05-02", rested: "2026-05-04",
            start: "2026-04-27", deadline: "2026-05-10", today: "2026-11-29", inProgress: true, days: 10);
        var view = StudyCalendar.Build(facts);

        Assert.Equal((6, 1, 3), (view.StudiedCount, view.RestedCount, view.MissedCount));
        Assert.Equal((Date("2026-05-11"), 203), (view.OverdueSince, view.OverdueDays));
        var days = view.Weeks.SelectMany(w => w).ToDictionary(d => d.Date);
        Assert.Equal([Date("2026-05-08"), Date("2026-05-09"), Date("2026-05-10")], days.Values.Where(d => d.Kind == CalendarDayKind.Missed).Select(d => d.Date));
        Assert.Equal(CalendarDayKind.PastPlan, days[Date("2026-11-28")].Kind);
        Assert.Empty(view.Years); // 31 weeks: one page
    }

    [Fact]
    public void A_notebook_that_starts_later_is_drawn_from_today()
    {
        var facts = Facts(studied: "", rested: "", start: "2026-04-27", deadline: "2026-05-10", today: "2026-03-10", inProgress: true);
        var view = StudyCalendar.Build(facts);

        Assert.True(view.First <= Date("2026-03-09"));
        Assert.True(view.Last >= Date("2026-05-10"));
        Assert.Equal(CalendarDayKind.Outside, StudyCalendar.Classify(Date("2026-03-10"), facts)); // today, before the start
    }

    [Fact]
    public void Months_are_named_over_the_week_that_holds_their_first_day()
    {
        var view = StudyCalendar.Build(RustOwnership); // from Mon 2026-01-26

        Assert.Equal([new MonthLabel(0, "Feb"), new MonthLabel(4, "Mar"), new MonthLabel(9, "Apr")], view.Months);
    }

    [Fact]
    public void Each_day_describes_itself()
    {
        var days = StudyCalendar.Build(RustOwnership).Weeks.SelectMany(w => w).ToDictionary(d => d.Date);

        Assert.Equal("Mon, Mar 2: studied, 45 min", StudyCalendar.Describe(days[Date("2026-03-02")]));
        Assert.Equal("Thu, Mar 5: rest day", StudyCalendar.Describe(days[Date("2026-03-05")]));
        Assert.Equal("Sat, Mar 7: free (the plan's slack)", StudyCalendar.Describe(days[Date("2026-03-07")]));
        Assert.Equal("Tue, Mar 10 (today): outside the plan", StudyCalendar.Describe(days[Date("2026-03-10")]));
    }

    private static CalendarFacts Facts(string studied, string rested, string start, string deadline, string today, bool inProgress, int days = 1) =>
        new(Dates(studied).ToDictionary(d => d, _ => (int?)45), Dates(rested).ToHashSet(), Date(start), Date(deadline), Date(today), inProgress, 45, days);
}
