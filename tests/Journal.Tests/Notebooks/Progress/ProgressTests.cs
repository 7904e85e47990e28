using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Notebooks.Progress;

public sealed class ProgressTests(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>domain.md's worked example, recorded day by day with the clock following along.</summary>
    private async Task<Guid> RustOwnershipAsRecorded()
    {
        Clock.Now = At("2026-03-02T20:00:00-05:00");
        var id = await Host.StartedNotebook();
        foreach (var date in new[] { "2026-03-02", "2026-03-03", "2026-03-04" })
        {
            Clock.Now = At($"{date}T20:00:00-05:00");
            await Host.LoggedDay(id, date, 45, $"Day of {date}");
        }
        Clock.Now = At("2026-03-05T09:00:00-05:00");
        await Host.SkippedDay(id, "2026-03-05", "Rest");
        Clock.Now = At("2026-03-06T20:00:00-05:00");
        await Host.LoggedDay(id, "2026-03-06", 45, "Day of 2026-03-06");
        Clock.Now = At("2026-03-10T08:00:00-04:00");
        await Host.LoggedDay(id, "2026-03-09", 45, "Day of 2026-03-09");
        return id;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_worked_example_reads_as_domain_md_says()
    {
        var id = await RustOwnershipAsRecorded();
        Clock.Now = At("2026-03-10T12:00:00-04:00");

        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}");

        var progress = await response.Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(new NotebookProgressResponse(
            id, "Rust ownership", "The borrow checker keeps *winning*.", "Completed", new Plan(5, 7, 45),
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), "America/New_York", TimeOnly.MinValue,
            DaysLogged: 5, DaysSkipped: 1, MinutesStudied: 225, Progress: "5 / 5 days",
            CurrentStreak: 1, LongestStreak: 4, LastStudiedOn: new DateOnly(2026, 3, 9),
            new PaceResponse("Completed", 5),
            [
                new DaySummary(1, new DateOnly(2026, 3, 2), "Day of 2026-03-02", null, 45, false),
                new DaySummary(2, new DateOnly(2026, 3, 3), "Day of 2026-03-03", null, 45, false),
                new DaySummary(3, new DateOnly(2026, 3, 4), "Day of 2026-03-04", null, 45, false),
                new DaySummary(4, new DateOnly(2026, 3, 6), "Day of 2026-03-06", null, 45, false),
                new DaySummary(5, new DateOnly(2026, 3, 9), "Day of 2026-03-09", null, 45, true),
            ],
            [new SkipSummary(new DateOnly(2026, 3, 5), "Rest", false)],
            Version: 8), progress);
        Assert.Equal("\"8\"", response.ETag());
    }

    [Fact]
    public async Task If_none_match_with_the_current_version_is_304()
    {
        var id = await Host.StartedNotebook();

        var same = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}", null, ("If-None-Match", "\"1\""));
        var older = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}", null, ("If-None-Match", "\"0\""));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal("\"1\"", same.ETag());
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task Unknown_notebooks_are_404()
    {
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.CreateVersion7()}")).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }

    [Fact]
    public async Task Pace_and_current_streak_follow_today()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(10, 14) });
        await Host.LoggedDay(id, "2026-03-08");
        await Host.LoggedDay(id, "2026-03-09");

        var today = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal((2, new PaceResponse("Behind", 7)), (today.CurrentStreak, today.Pace)); // 9 of 14 days elapsed: ceil(10*9/14) = 7

        Clock.Now = Clock.Now.AddDays(2); // March 12: March 10 and 11 missed
        var later = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal((0, 2, new PaceResponse("Behind", 8)), (later.CurrentStreak, later.LongestStreak, later.Pace));

        Clock.Now = Clock.Now.AddDays(10); // March 22: past the March 15 deadline
        var overdue = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(new PaceResponse("Overdue", 10), overdue.Pace);
    }

    [Fact]
    public async Task Corrections_plan_changes_and_status_show_in_progress()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", 30, "First");
        await Host.LoggedDay(id, "2026-03-03", 40);
        await Host.LoggedDay(id, "2026-03-04", 50);
        await Host.SkippedDay(id, "2026-03-05");
        await Host.SkippedDay(id, "2026-03-06");
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-02", new ReviseDay("Revised", "Now with a summary", "Entry", 35));
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2026-03-03");
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2026-03-05");
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(2, 3, 20));
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/abandon"); // completed: refused, nothing appended

        var p = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);

        Assert.Equal(
            ("Completed", new Plan(2, 3, 20), new DateOnly(2026, 3, 4), 2, 1, 85, "2 / 2 days", 1, 11L),
            (p.Status, p.Plan, p.Deadline, p.DaysLogged, p.DaysSkipped, p.MinutesStudied, p.Progress, p.LongestStreak, p.Version));
        Assert.Equal([new DaySummary(1, new DateOnly(2026, 3, 2), "Revised", "Now with a summary", 35, true),
                      new DaySummary(2, new DateOnly(2026, 3, 4), "Studied", null, 50, true)], p.Days);
        Assert.Equal([new SkipSummary(new DateOnly(2026, 3, 6), null, true)], p.Skips);

        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(5, 7));
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/abandon");
        var abandoned = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(("Abandoned", "2 / 5 days"), (abandoned.Status, abandoned.Progress));
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/resume");
        var resumed = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal("InProgress", resumed.Status);
    }

    [Fact]
    public async Task A_day_page_has_the_full_entry_and_its_times()
    {
        Clock.Now = At("2026-03-04T20:00:00-05:00");
        var id = await Host.StartedNotebook();
        var logged = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Lifetimes", new DateOnly(2026, 3, 3), "Short", "# Lifetimes\n\nLong entry.", 50));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await Host.LoggedDay(id, "2026-03-02");

        var page = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/2026-03-03")).Read<DayPageResponse>(HttpStatusCode.OK);
        Assert.Equal(new DayPageResponse(2, new DateOnly(2026, 3, 3), "Lifetimes", "Short", "# Lifetimes\n\nLong entry.", 50, page.RecordedAt, null, true), page);
        Assert.Equal(At("2026-03-04T20:00:00-05:00"), page.RecordedAt); // the instant it was decided at

        Clock.Now = At("2026-03-05T07:30:00.1234567-05:00");
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-03", new ReviseDay("Lifetimes, again", null, "Rewritten", 55));
        var revised = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/2026-03-03")).Read<DayPageResponse>(HttpStatusCode.OK);
        Assert.Equal(new DayPageResponse(2, new DateOnly(2026, 3, 3), "Lifetimes, again", null, "Rewritten", 55, page.RecordedAt,
            At("2026-03-05T07:30:00.123456-05:00"), true), revised); // whole microseconds, as the database keeps them

        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2026-03-03");
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/2026-03-03")).Problem(HttpStatusCode.NotFound, "/problems/day-not-found");
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/03-03")).Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
    }

    [Fact]
    public async Task The_answer_carries_the_30_most_recent_day_cards_unless_days_asks_for_more_or_fewer()
    {
        Clock.Now = At("2026-03-10T12:00:00-04:00");
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(40, 60, 30), StartDate = new DateOnly(2026, 1, 20) });
        var first = new DateOnly(2026, 1, 20);
        for (var n = 0; n < 35; n++) await Host.LoggedDay(id, $"{first.AddDays(n):yyyy-MM-dd}", 30, $"Day {n + 1} title");

        var standard = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(35, standard.DaysLogged);
        Assert.Equal(Enumerable.Range(6, 30), standard.Days.Select(d => d.DayNumber));
        Assert.Equal(standard.Days.Select(d => $"Day {d.DayNumber} title"), standard.Days.Select(d => d.Title));
        Assert.Equal(first.AddDays(34), standard.Days[^1].Date);

        var all = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?days=366")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, 35), all.Days.Select(d => d.DayNumber));
        Assert.Equal(standard with { Days = all.Days }, all);
        var none = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?days=0")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Empty(none.Days);
        var two = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?days=2&version=3")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal([(1, "Day 1 title"), (2, "Day 2 title")], two.Days.Select(d => (d.DayNumber, d.Title)));

        foreach (var bad in new[] { "367", "-1", "all", "2.5" })
            await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?days={bad}")).Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
    }

    [Fact]
    public async Task A_day_entry_stored_before_its_title_and_summary_columns_still_reads_on_its_card()
    {
        Clock.Now = At("2026-03-10T12:00:00-04:00");
        var id = await Host.StartedNotebook();
        foreach (var (date, title) in new[] { (new DateOnly(2026, 3, 2), "Stored before the columns"), (new DateOnly(2026, 3, 3), "Stored after") })
            await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay(title, date, Summary: $"Summary of {title}", Minutes: 45)))
                .Read<DayLoggedResponse>(HttpStatusCode.Created);
        // As a row written by an earlier build reads until the projection is rebuilt: the columns empty, the document whole.
        await using (var connection = Fixture.Store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forget = connection.CreateCommand();
            forget.CommandText = $"UPDATE journal.mt_doc_dayentry SET title = NULL, summary = NULL WHERE id = '{id:N}/2026-03-02'";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);

        Assert.Equal([("Stored before the columns", "Summary of Stored before the columns"), ("Stored after", "Summary of Stored after")],
            progress.Days.Select(d => (d.Title, d.Summary)));
    }
}
