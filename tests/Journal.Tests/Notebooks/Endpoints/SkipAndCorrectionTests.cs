using System.Net;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks.Endpoints;

public sealed class SkipAndCorrectionTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Skipping_answers_201_and_marks_late_skips()
    {
        var id = await Host.StartedNotebook();

        var past = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 3, 5), "Rest"));
        Assert.Equal(new DayResponse(new DateOnly(2026, 3, 5), 2), await past.Read<DayResponse>(HttpStatusCode.Created));
        Assert.Equal("\"2\"", past.ETag());
        var ahead = await Host.SkippedDay(id, "2026-04-09"); // 30 days ahead

        var events = await Host.Events(id);
        Assert.Equal(new DaySkipped(new DateOnly(2026, 3, 5), "Rest", new DateOnly(2026, 3, 10), Late: true), events[1]);
        Assert.Equal(new DaySkipped(new DateOnly(2026, 4, 9), null, new DateOnly(2026, 3, 10), Late: false), events[2]);
        Assert.Equal(3, ahead.Version);
    }

    [Theory]
    [InlineData("2026-04-10", HttpStatusCode.BadRequest, "/problems/validation-failed")] // 31 days ahead
    [InlineData("2026-03-01", HttpStatusCode.BadRequest, "/problems/validation-failed")] // before the start
    [InlineData("2026-03-03", HttpStatusCode.Conflict, "/problems/date-already-logged")]
    [InlineData("2026-03-05", HttpStatusCode.Conflict, "/problems/date-already-skipped")]
    public async Task Skips_outside_the_window_or_on_taken_dates_are_refused(string date, HttpStatusCode status, string type)
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-03");
        await Host.SkippedDay(id, "2026-03-05");

        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/skips", $$"""{"date":"{{date}}"}""");

        await response.Problem(status, type);
        Assert.Equal(3, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Revising_keeps_both_versions_in_history()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", title: "First");

        var response = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-02", new ReviseDay("Better", "Sum", "Entry", 50));

        Assert.Equal(new DayResponse(new DateOnly(2026, 3, 2), 3), await response.Read<DayResponse>(HttpStatusCode.OK));
        Assert.Equal("\"3\"", response.ETag());
        var events = await Host.Events(id);
        Assert.Equal("First", ((DayLogged)events[1]).Title);
        Assert.Equal(new DayRevised(new DateOnly(2026, 3, 2), "Better", "Sum", "Entry", 50), events[2]);
    }

    [Theory]
    [InlineData("PUT", "/days/2026-03-04", HttpStatusCode.NotFound, "/problems/day-not-found")]
    [InlineData("DELETE", "/days/2026-03-04", HttpStatusCode.NotFound, "/problems/day-not-found")]
    [InlineData("DELETE", "/skips/2026-03-04", HttpStatusCode.NotFound, "/problems/skip-not-found")]
    [InlineData("PUT", "/days/03-04-2026", HttpStatusCode.BadRequest, "/problems/validation-failed")]
    [InlineData("DELETE", "/days/2026-02-30", HttpStatusCode.BadRequest, "/problems/validation-failed")]
    [InlineData("DELETE", "/skips/yesterday", HttpStatusCode.BadRequest, "/problems/validation-failed")]
    public async Task Corrections_need_an_existing_entry_or_skip_on_a_real_date(string method, string path, HttpStatusCode status, string type)
    {
        var id = await Host.StartedNotebook();
        var body = method == "PUT" ? new ReviseDay("x") : null;

        var response = await Host.Send(new HttpMethod(method), $"/api/notebooks/{id}{path}", body);

        await response.Problem(status, type);
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task Retracting_and_cancelling_append_compensating_events()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await Host.SkippedDay(id, "2026-03-03");

        var retract = await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2026-03-02");
        var cancel = await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2026-03-03");

        Assert.Equal(new VersionResponse(4), await retract.Read<VersionResponse>(HttpStatusCode.OK));
        Assert.Equal(new VersionResponse(5), await cancel.Read<VersionResponse>(HttpStatusCode.OK));
        Assert.Equal("\"5\"", cancel.ETag());
        var events = await Host.Events(id);
        Assert.Equal(new DayRetracted(new DateOnly(2026, 3, 2)), events[3]);
        Assert.Equal(new SkipCancelled(new DateOnly(2026, 3, 3)), events[4]);
        Assert.Equal(1, (await Host.LoggedDay(id, "2026-03-02")).DayNumber); // the date is free again
    }

    [Fact]
    public async Task Retracting_a_day_of_a_completed_notebook_reopens_it()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(1, 7) });
        await Host.LoggedDay(id, "2026-03-02");

        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2026-03-02");

        var events = await Host.Events(id);
        Assert.Equal([typeof(NotebookStarted), typeof(DayLogged), typeof(NotebookCompleted), typeof(DayRetracted), typeof(NotebookReopened)],
            events.Select(e => e.GetType()));
        await Host.LoggedDay(id, "2026-03-03");
    }
}
