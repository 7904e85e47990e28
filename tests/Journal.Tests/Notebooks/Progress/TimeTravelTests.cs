using System.Globalization;
using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Notebooks.Progress;

public sealed class TimeTravelTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private async Task<NotebookProgressResponse> Progress(Guid id, string query = "") =>
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}{query}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task Every_version_reads_as_the_progress_was_right_after_it()
    {
        var id = await Host.StartedNotebook();
        var seen = new List<NotebookProgressResponse> { await Progress(id) };
        async Task Then(Func<Task> command)
        {
            await command();
            seen.Add(await Progress(id));
        }
        await Then(() => Host.LoggedDay(id, "2026-03-02"));
        await Then(() => Host.SkippedDay(id, "2026-03-03"));
        await Then(() => Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-02", new ReviseDay("Revised")));
        await Then(() => Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2026-03-03"));
        await Then(() => Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(1, 7)));

        // Versions 1..5 then 7: the plan change appended plan_changed (6) and notebook_completed (7) together.
        var versions = seen.Select(s => s.Version).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 7], versions);
        foreach (var expected in seen)
            Assert.Equal(expected, await Progress(id, $"?version={expected.Version}"));
        Assert.Equal("InProgress", (await Progress(id, "?version=6")).Status);
    }

    [Fact]
    public async Task As_of_an_instant_shows_what_had_been_recorded_with_that_days_today()
    {
        Clock.Now = At("2026-03-02T20:00:00-05:00");
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        var firstEvening = (await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history")).Read<HistoryEntry[]>(HttpStatusCode.OK))[1].RecordedAt;
        Clock.Now = At("2026-03-03T20:00:00-05:00");
        await Host.LoggedDay(id, "2026-03-03");
        Clock.Now = At("2026-03-10T12:00:00-04:00");

        var then = await Progress(id, $"?asOf={firstEvening.AddMilliseconds(1).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");

        Assert.Equal((1, "1 / 5 days", 2L), (then.DaysLogged, then.Progress, then.Version));
        // Today then was the instant's local date, March 1 or 2 in New York depending on the real clock: pace is computed for it.
        Assert.Equal(2, (await Progress(id)).DaysLogged);
    }

    [Fact]
    public async Task On_a_date_shows_facts_dated_up_to_it_whatever_their_recording_time()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(2, 7) });
        await Host.LoggedDay(id, "2026-03-04");   // recorded on March 10
        await Host.SkippedDay(id, "2026-03-03");  // a late skip
        await Host.LoggedDay(id, "2026-03-02");   // backfilled: completes the notebook

        // Before its start date the notebook is not there, as before its recording (?asOf=): both 404.
        var before = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?on=2026-03-01");
        var problem = await before.Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        Assert.Equal($"Notebook {id} starts on 2026-03-02, after 2026-03-01.", problem.Detail);
        var first = await Progress(id, "?on=2026-03-02");
        Assert.Equal((1, 0, "InProgress"), (first.DaysLogged, first.DaysSkipped, first.Status));

        var third = await Progress(id, "?on=2026-03-03");
        Assert.Equal((1, 1, "InProgress", 1), (third.DaysLogged, third.DaysSkipped, third.Status, third.CurrentStreak));
        Assert.Equal(new PaceResponse("OnTrack", 1), third.Pace); // 2 of 7 days elapsed: ceil(2*2/7) = 1

        var fourth = await Progress(id, "?on=2026-03-04");
        Assert.Equal((2, "Completed", 2, "2 / 2 days"), (fourth.DaysLogged, fourth.Status, fourth.CurrentStreak, fourth.Progress));
    }

    [Theory]
    [InlineData("?version=0", "version")]
    [InlineData("?version=abc", "version")]
    [InlineData("?version=99", "version")]
    [InlineData("?asOf=yesterday", "asOf")]
    [InlineData("?asOf=2026-03-10", "asOf")]
    [InlineData("?on=2026-3-1", "on")]
    [InlineData("?on=2026-02-30", "on")]
    [InlineData("?version=1&on=2026-03-02", "version")]
    public async Task Bad_time_travel_is_400(string query, string field)
    {
        var id = await Host.StartedNotebook();
        var problem = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}{query}")).Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Before_the_notebook_existed_is_404()
    {
        var id = await Host.StartedNotebook();
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?asOf=2000-01-01T00:00:00Z")).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }
}
