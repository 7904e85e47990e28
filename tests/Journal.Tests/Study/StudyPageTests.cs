using System.Net;
using Journal.Contracts;
using Journal.Tests.Web;
using Journal.Web;

namespace Journal.Tests.Study;

/// <summary>/study: the account's study as a page, the same figures as the API.</summary>
public sealed class StudyPageTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_page_draws_the_year_the_streaks_the_weeks_and_each_notebook()
    {
        var rust = await Host.StartedNotebook();
        await Host.LoggedDay(rust, "2026-03-02", minutes: 45);
        await Host.SkippedDay(rust, "2026-03-03");
        await Host.LoggedDay(rust, "2026-03-09", minutes: 90);
        await Host.SignedIn(); // a sign-in is an event too: the projection has it to catch up with
        await CaughtUp();

        var page = await Host.Page("/study");

        Assert.DoesNotContain("Updating", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("cal-day cal-studied cal-l2", page.QuerySelector("rect[data-date='2026-03-02']")!.GetAttribute("class"));
        Assert.Equal("Mon, Mar 2: 1 entry, 45 min", page.QuerySelector("rect[data-date='2026-03-02'] title")!.TextContent);
        Assert.Equal("cal-day cal-rested", page.QuerySelector("rect[data-date='2026-03-03']")!.GetAttribute("class"));
        Assert.Equal(StudyHeatmap.WeekCount * 7, page.QuerySelectorAll(".calendar rect").Length);
        Assert.Contains("1 day", page.QuerySelector(".stats")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Rust ownership"], page.QuerySelectorAll(".totals tbody th").Select(th => th.TextContent));
        Assert.Equal($"/notebooks/{rust}", page.QuerySelector(".totals tbody a")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("#weeks-heading ~ div rect title"), t => t.TextContent == "Week of Mon, Mar 9: 1 hr 30 min");
    }

    [Fact]
    public async Task The_page_asks_to_sign_in()
    {
        var response = await Host.Anonymous().GetAsync(new Uri("/study", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    private async Task CaughtUp()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await (await Host.Send(HttpMethod.Get, "/api/me/study")).Read<StudyResponse>(HttpStatusCode.OK)).Updating && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
    }
}
