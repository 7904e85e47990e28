using System.Net;
using Journal.Contracts;
using Journal.Tests.Web;

namespace Journal.Tests.Notebooks;

/// <summary>
/// Notebooks whose whole plan lies years before today (the pinned clock: 2026-03-10), entered through the API: every
/// rule that depends on today (backfill flags, pace, overdue, streaks, the calendar) reads them as it reads new ones.
/// </summary>
public sealed class HistoricalNotebookTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<NotebookProgressResponse> Progress(Guid id, string query = "") =>
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}{query}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task A_2024_notebook_with_the_leap_day_in_a_run()
    {
        var id = await Host.StartedNotebook(new StartNotebook("Leap year", new Plan(5, 7, 30), StartDate: D("2024-02-26"), TimeZone: "Europe/Berlin"));
        foreach (var date in new[] { "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01" }) await Host.LoggedDay(id, date, 30);
        var rest = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(D("2024-03-02"), "Weekend"));
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);

        var open = await Progress(id);
        Assert.Equal(("InProgress", D("2024-03-03"), "4 / 5 days", 120), (open.Status, open.Deadline, open.Progress, open.MinutesStudied));
        Assert.Equal((0, 4), (open.CurrentStreak, open.LongestStreak)); // the run ended with 2024-03-03, two years ago
        Assert.Equal(new PaceResponse("Overdue", 5), open.Pace);
        Assert.Equal([(1, D("2024-02-27")), (2, D("2024-02-28")), (3, D("2024-02-29")), (4, D("2024-03-01"))],
            open.Days.Select(d => (d.DayNumber, d.Date)));
        Assert.All(open.Days, d => Assert.True(d.Backfilled));
        Assert.Equal([new SkipSummary(D("2024-03-02"), "Weekend", Late: true)], open.Skips);

        // As the notebook stood on the leap day itself: three days in a row up to "today", on track.
        var onLeapDay = await Progress(id, "?on=2024-02-29");
        Assert.Equal(("3 / 5 days", 3, 3, new PaceResponse("OnTrack", 3)), (onLeapDay.Progress, onLeapDay.CurrentStreak, onLeapDay.LongestStreak, onLeapDay.Pace));

        var audit = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/audit")).Read<AuditResponse>(HttpStatusCode.OK);
        Assert.True(audit.Consistent);
        var run = Assert.Single(audit.Runs);
        Assert.Equal((D("2024-02-27"), D("2024-03-02"), 4, D("2024-03-03")), (run.From, run.To, run.Length, run.EndedBy));
        Assert.Equal([D("2024-03-02")], run.RestedDates);

        var page = await Host.Page($"/notebooks/{id}");
        Assert.Equal("5 days (1 week) · 30 min / day · Started February 26, 2024", page.QuerySelector(".plan-line")!.TextContent);
        Assert.Equal("4 studied days · 1 rest day · 0 missed days in the plan", page.QuerySelector(".calendar-counts")!.TextContent);
        Assert.Contains("overdue for 737 days", page.QuerySelector(".overdue-note")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("rect.cal-studied[data-date='2024-02-29']"));

        // Logging the last day, still backfilled, completes it: a closed notebook of years ago, on one calendar page.
        var last = await Host.LoggedDay(id, "2024-03-03", 30);
        Assert.Equal(5, last.DayNumber);
        var done = await Progress(id);
        Assert.Equal(("Completed", "5 / 5 days", 0, 5, new PaceResponse("Completed", 5)),
            (done.Status, done.Progress, done.CurrentStreak, done.LongestStreak, done.Pace));
        var closed = await Host.Page($"/notebooks/{id}");
        Assert.Equal("5 studied days · 1 rest day · 0 missed days in the plan", closed.QuerySelector(".calendar-counts")!.TextContent);
        Assert.Null(closed.QuerySelector(".calendar-pages"));
        Assert.NotNull(closed.QuerySelector("rect.cal-studied[data-date='2024-02-29']"));
    }

    [Fact]
    public async Task A_notebook_across_a_year_end_two_years_ago()
    {
        var id = await Host.StartedNotebook(new StartNotebook("Year end", new Plan(5, 7), StartDate: D("2024-12-29"), TimeZone: "America/New_York"));
        foreach (var date in new[] { "2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02" }) await Host.LoggedDay(id, date, 45);

        var now = await Progress(id);
        Assert.Equal((D("2025-01-04"), "4 / 5 days", 0, 4, new PaceResponse("Overdue", 5)),
            (now.Deadline, now.Progress, now.CurrentStreak, now.LongestStreak, now.Pace));
        Assert.Equal([1, 2, 3, 4], now.Days.Select(d => d.DayNumber));

        // On New Year's Day the run of 2024's last two days went on into 2025.
        var newYear = await Progress(id, "?on=2025-01-01");
        Assert.Equal(("3 / 5 days", 3, new PaceResponse("OnTrack", 3)), (newYear.Progress, newYear.CurrentStreak, newYear.Pace));
        var nextDay = await Progress(id, "?on=2025-01-03");
        Assert.Equal((4, new PaceResponse("Behind", 5)), (nextDay.CurrentStreak, nextDay.Pace)); // 01-03 is today then: pending, not missed

        var audit = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/audit")).Read<AuditResponse>(HttpStatusCode.OK);
        var run = Assert.Single(audit.Runs);
        Assert.Equal((D("2024-12-30"), D("2025-01-02"), 4, D("2025-01-03")), (run.From, run.To, run.Length, run.EndedBy));
        Assert.Equal(audit.BackfilledDays, now.Days.Select(d => d.Date));

        // Still in progress: drawn a year at a time up to today, the plan's last year first, counting the whole plan.
        var page = await Host.Page($"/notebooks/{id}");
        Assert.Equal(["2024", "2025", "2026"], page.QuerySelectorAll(".calendar-pages a").Select(a => a.TextContent));
        Assert.NotNull(page.QuerySelector("rect.cal-studied[data-date='2025-01-01']"));
        Assert.Equal("4 studied days · 0 rest days · 1 missed day in the plan", page.QuerySelector(".calendar-counts")!.TextContent);
        var december = await Host.Page($"/notebooks/{id}?year=2024");
        Assert.NotNull(december.QuerySelector("rect.cal-studied[data-date='2024-12-31']"));
    }

    [Theory]
    [InlineData("1970-01-01", HttpStatusCode.Created)]
    [InlineData("1969-12-31", HttpStatusCode.BadRequest)]
    [InlineData("2027-03-11", HttpStatusCode.Created)]
    [InlineData("2027-03-12", HttpStatusCode.BadRequest)]
    public async Task A_notebook_starts_from_1970_up_to_a_year_ahead(string startDate, HttpStatusCode expected)
    {
        var response = await Host.Send(HttpMethod.Post, "/api/notebooks", new StartNotebook("Old", new Plan(1, 1), StartDate: D(startDate), TimeZone: "UTC"));
        if (expected == HttpStatusCode.Created) Assert.Equal(expected, response.StatusCode);
        else Assert.Equal(["startDate"], (await response.Problem(expected, "/problems/validation-failed")).Errors!.Keys);
    }
}
