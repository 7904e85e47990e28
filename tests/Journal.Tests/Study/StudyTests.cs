using System.Net;
using Journal.Contracts;
using Journal.Tests.Accounts;

namespace Journal.Tests.Study;

/// <summary>GET /api/me/study through the API: the asynchronous projection catches up, and follows revisions and retractions.</summary>
public sealed class StudyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_study_view_gathers_every_notebook_and_follows_revisions_retractions_and_cancelled_rest()
    {
        var rust = await Host.StartedNotebook();
        var go = await Host.StartedNotebook(new StartNotebook("Go channels", new Plan(5, 7, 30), StartDate: new DateOnly(2026, 3, 2), TimeZone: "America/New_York"));
        await Host.LoggedDay(rust, "2026-03-02", minutes: 45);
        await Host.LoggedDay(go, "2026-03-02", minutes: 30);
        await Host.LoggedDay(rust, "2026-03-03", minutes: 45);
        await Host.SkippedDay(go, "2026-03-04");
        await Host.LoggedDay(rust, "2026-03-05", minutes: 45);
        await Host.LoggedDay(go, "2026-03-06", minutes: 30);
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{go}/days/2026-03-06", new ReviseDay("Select", Minutes: 50));
        await Host.LoggedDay(rust, "2026-03-09", minutes: 45);
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{rust}/days/2026-03-09");
        await Host.SkippedDay(rust, "2026-03-07");
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{rust}/skips/2026-03-07");

        var study = await CaughtUp();

        Assert.Equal((5, 4, 1, 215), (study.Entries, study.StudiedDays, study.RestDays, study.MinutesStudied));
        Assert.Equal((0, 4), (study.CurrentStreak, study.LongestStreak)); // 03-02, 03-03, (rest 03-04), 03-05, 03-06; then missed
        Assert.Equal(["Go channels", "Rust ownership"], study.Notebooks.Select(n => n.Title));
        Assert.Equal([80, 135], study.Notebooks.Select(n => n.Minutes));
        Assert.Equal("America/New_York", study.TimeZone);
        Assert.False(study.Updating);
        Assert.Equal(study.LatestSequence, study.AsOfSequence);
    }

    [Fact]
    public async Task Each_account_sees_its_own_notebooks_only()
    {
        await Host.LoggedDay(await Host.StartedNotebook(), "2026-03-02");
        var (_, stranger) = await Fixture.Someone("stranger@example.com");

        await CaughtUp();
        var theirs = await (await Host.Send(HttpMethod.Get, "/api/me/study", null, AccountsApi.Bearer(stranger))).Read<StudyResponse>(HttpStatusCode.OK);

        Assert.Equal((0, 0), (theirs.Entries, theirs.Notebooks.Count));
    }

    /// <summary>The view once the projection has caught up with the store (it runs in the background).</summary>
    private async Task<StudyResponse> CaughtUp()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var study = await (await Host.Send(HttpMethod.Get, "/api/me/study")).Read<StudyResponse>(HttpStatusCode.OK);
            if (!study.Updating || DateTime.UtcNow > deadline) return study;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
