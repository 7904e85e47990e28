using System.Net;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks.Endpoints;

public sealed class LifecycleTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Changing_the_plan_can_complete_and_reopen()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await Host.LoggedDay(id, "2026-03-03");

        var lower = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(2, 7, 30));
        Assert.Equal(new VersionResponse(5), await lower.Read<VersionResponse>(HttpStatusCode.OK));
        var raise = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(3, 7));
        Assert.Equal(new VersionResponse(7), await raise.Read<VersionResponse>(HttpStatusCode.OK));

        var events = await Host.Events(id);
        Assert.Equal(new PlanChanged(new Plan(2, 7, 30)), events[3]);
        Assert.Equal(new NotebookCompleted(2, 2), events[4]);
        Assert.Equal(new PlanChanged(new Plan(3, 7)), events[5]);
        Assert.Equal(new NotebookReopened(2, 3), events[6]);
    }

    [Fact]
    public async Task Putting_the_plan_and_time_zone_it_already_has_answers_the_current_version_and_appends_nothing()
    {
        var id = await Host.StartedNotebook(); // 5 days over 7, 45 minutes a day, America/New_York
        await Host.LoggedDay(id, "2026-03-02");

        var plan = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(5, 7, 45));
        Assert.Equal(new VersionResponse(2), await plan.Read<VersionResponse>(HttpStatusCode.OK));
        Assert.Equal("\"2\"", plan.ETag());
        var zone = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/time-zone", new ChangeTimeZone("America/New_York"));
        Assert.Equal(new VersionResponse(2), await zone.Read<VersionResponse>(HttpStatusCode.OK));
        Assert.Equal(2, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Invalid_plans_name_their_fields()
    {
        var id = await Host.StartedNotebook();
        var response = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(367, 100, 2000));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal(["days", "minutesPerDay", "spanDays"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Changing_the_time_zone_applies_to_dates_from_now_on()
    {
        // 02:00 UTC on March 10: March 9 in New York, March 10 in Berlin.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));
        var id = await Host.StartedNotebook();
        Assert.Equal(new DateOnly(2026, 3, 9), (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("NY"))
            .ContinueWith(t => t.Result.Read<DayLoggedResponse>(HttpStatusCode.Created)).Unwrap()).Date);

        var change = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/time-zone", new ChangeTimeZone("Europe/Berlin"));
        Assert.Equal(new VersionResponse(3), await change.Read<VersionResponse>(HttpStatusCode.OK));

        var berlin = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Berlin"));
        Assert.Equal(new DateOnly(2026, 3, 10), (await berlin.Read<DayLoggedResponse>(HttpStatusCode.Created)).Date);
        Assert.Equal(new DateOnly(2026, 3, 9), ((DayLogged)(await Host.Events(id))[1]).Date); // never re-dated
    }

    [Fact]
    public async Task Unknown_time_zones_are_400s()
    {
        var id = await Host.StartedNotebook();
        var response = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/time-zone", new ChangeTimeZone("Europe/Atlantis"));

        Assert.Equal(["timeZone"], (await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed")).Errors!.Keys);
    }

    [Fact]
    public async Task Abandoned_notebooks_refuse_changes_until_resumed()
    {
        var id = await Host.StartedNotebook();

        var abandon = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/abandon", new AbandonNotebook("Too busy"));
        Assert.Equal(new VersionResponse(2), await abandon.Read<VersionResponse>(HttpStatusCode.OK));

        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("x"))).Problem(HttpStatusCode.Conflict, "/problems/notebook-abandoned");
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay())).Problem(HttpStatusCode.Conflict, "/problems/notebook-abandoned");
        await (await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(3, 3))).Problem(HttpStatusCode.Conflict, "/problems/notebook-abandoned");
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/abandon")).Problem(HttpStatusCode.Conflict, "/problems/notebook-abandoned");

        var resume = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/resume");
        Assert.Equal(new VersionResponse(3), await resume.Read<VersionResponse>(HttpStatusCode.OK));
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/resume")).Problem(HttpStatusCode.Conflict, "/problems/notebook-not-abandoned");

        Assert.Equal([typeof(NotebookStarted), typeof(NotebookAbandoned), typeof(NotebookResumed)], (await Host.Events(id)).Select(e => e.GetType()));
        Assert.Equal(new NotebookAbandoned("Too busy"), (await Host.Events(id))[1]);
    }

    [Fact]
    public async Task A_completed_notebook_cannot_be_abandoned()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(1, 1) });
        await Host.LoggedDay(id, "2026-03-02");

        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/abandon")).Problem(HttpStatusCode.Conflict, "/problems/notebook-completed");
    }
}
