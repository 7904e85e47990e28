using System.Net;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Endpoints;

public sealed class LogDayEndpointTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly March9 = new(2026, 3, 9);

    [Fact]
    public async Task Logging_a_day_answers_201_with_location_day_number_and_version()
    {
        var id = await Host.StartedNotebook();

        var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days",
            new LogDay("Moves and borrows", new DateOnly(2026, 3, 2), "Ownership moves", "The *full* entry", 45));

        Assert.Equal(new DayLoggedResponse(new DateOnly(2026, 3, 2), 1, 2), await response.Read<DayLoggedResponse>(HttpStatusCode.Created));
        Assert.Equal($"/api/notebooks/{id}/days/2026-03-02", response.Headers.Location?.OriginalString);
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(new DayLogged(new DateOnly(2026, 3, 2), "Moves and borrows", "Ownership moves", "The *full* entry", 45,
            RecordedOn: new DateOnly(2026, 3, 10), Backfilled: true, SupersededSkip: false), (await Host.Events(id))[1]);
    }

    [Fact]
    public async Task A_day_at_every_length_limit_in_CJK_text_is_logged_and_shown()
    {
        var id = await Host.StartedNotebook();
        var random = new Random(7); // ideographs at random: text that compresses poorly, three UTF-8 bytes a character
        string Ideographs(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
        var (title, summary) = (Ideographs(Limits.TitleLength), Ideographs(Limits.SummaryLength));

        var logged = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay(title, new DateOnly(2026, 3, 2), summary, Ideographs(5_000), 45));

        await logged.Read<DayLoggedResponse>(HttpStatusCode.Created);
        var card = Assert.Single((await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK)).Days);
        Assert.Equal((title, summary), (card.Title, card.Summary));
    }

    [Fact]
    public async Task Date_defaults_to_today_and_is_not_backfilled()
    {
        var id = await Host.StartedNotebook();
        var logged = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Today"));

        Assert.Equal(new DateOnly(2026, 3, 10), (await logged.Read<DayLoggedResponse>(HttpStatusCode.Created)).Date);
        Assert.False(((DayLogged)(await Host.Events(id))[1]).Backfilled);
    }

    [Fact]
    public async Task Day_numbers_are_ranks_so_a_backfilled_day_takes_its_place()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(10, 14) });
        await Host.LoggedDay(id, "2026-03-02");
        await Host.LoggedDay(id, "2026-03-06");

        Assert.Equal(2, (await Host.LoggedDay(id, "2026-03-04")).DayNumber);
    }

    [Fact]
    public async Task Reaching_the_plan_completes_the_notebook_in_the_same_append()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(2, 7) });
        await Host.LoggedDay(id, "2026-03-02");

        var last = await Host.LoggedDay(id, "2026-03-03");

        Assert.Equal(4, last.Version);
        Assert.Equal(new NotebookCompleted(2, 2), (await Host.Events(id))[3]);
        var more = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("More", March9));
        await more.Problem(HttpStatusCode.Conflict, "/problems/notebook-completed");
    }

    [Fact]
    public async Task A_logged_date_cannot_be_logged_again()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-09");

        var again = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Again", March9));

        await again.Problem(HttpStatusCode.Conflict, "/problems/date-already-logged");
        Assert.Equal(2, (await Host.Events(id)).Count);
    }

    [Theory]
    [InlineData("2026-03-11")] // tomorrow in New York
    [InlineData("2026-03-01")] // before the start
    public async Task Dates_after_today_or_before_the_start_are_400s(string date)
    {
        var id = await Host.StartedNotebook();
        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/days", $$"""{"title":"x","date":"{{date}}"}""");

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal(["date"], problem.Errors!.Keys);
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task Text_limits_are_checked_per_field()
    {
        var id = await Host.StartedNotebook();
        var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days",
            new LogDay(new string('t', 201), March9, new string('s', 2001), new string('e', 100_001), 1441));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal(["entry", "minutes", "summary", "title"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Logging_a_skipped_date_supersedes_the_skip()
    {
        var id = await Host.StartedNotebook();
        await Host.SkippedDay(id, "2026-03-09");

        await Host.LoggedDay(id, "2026-03-09");

        Assert.True(((DayLogged)(await Host.Events(id))[2]).SupersededSkip);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2026-03-09")).StatusCode);
    }

    [Fact]
    public async Task Today_follows_the_notebooks_day_start()
    {
        // 05:30 UTC on March 10 is 01:30 in New York (EDT); with the day starting at 03:00 it is still March 9.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 5, 30, 0, TimeSpan.Zero));
        var id = await Host.StartedNotebook(Api.RustOwnership() with { DayStartsAt = new TimeOnly(3, 0) });

        var logged = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Late night"));

        Assert.Equal(March9, (await logged.Read<DayLoggedResponse>(HttpStatusCode.Created)).Date);
    }
}
