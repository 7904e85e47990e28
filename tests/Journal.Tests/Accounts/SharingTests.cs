using System.Net;
using Journal.Contracts;
using Journal.Tests.Web;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Accounts;

/// <summary>A share link shows a notebook read-only to anyone with its address, until its owner revokes it.</summary>
public sealed class SharingTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_share_link_works_anonymously_and_stops_working_when_revoked()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", title: "Moves");
        var link = await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share")).Read<ShareLinkResponse>(HttpStatusCode.Created);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", link.Slug);
        var again = await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share")).Read<ShareLinkResponse>(HttpStatusCode.OK);
        Assert.Equal(link, again);

        var shared = await Host.Anonymous().GetAsync(new Uri(link.ApiUrl, UriKind.Relative), TestContext.Current.CancellationToken);
        var progress = await shared.Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(("Rust ownership", "1 / 5 days"), (progress.Title, progress.Progress));

        var page = await Host.Anonymous().GetAsync(new Uri(link.Url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Pages.Parse(page);
        Assert.Equal("Rust ownership", html.Text("h1"));
        Assert.Equal("1 / 5 days", html.Text(".progress-count"));
        Assert.Empty(html.QuerySelectorAll("form"));
        Assert.Equal("noindex", html.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("noindex", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.DoesNotContain(Owner.Email, await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var day = await Host.Anonymous().GetAsync(new Uri($"{link.Url}/days/2026-03-02", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("Moves", (await Pages.Parse(day)).Text("h1"));

        Assert.Equal(HttpStatusCode.NoContent, (await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/share")).StatusCode);

        await (await Host.Anonymous().GetAsync(new Uri(link.ApiUrl, UriKind.Relative), TestContext.Current.CancellationToken))
            .Problem(HttpStatusCode.NotFound, "/problems/share-link-not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Anonymous().GetAsync(new Uri(link.Url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Anonymous().GetAsync(new Uri($"{link.Url}/days/2026-03-02", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_slug_is_not_found_and_shares_nothing()
    {
        foreach (var slug in new[] { "AAAAAAAAAAAAAAAAAAAAAA", "x", "../../api/notebooks", new string('a', 5_000) })
        {
            var response = await Host.Anonymous().GetAsync(new Uri($"/api/shared/{Uri.EscapeDataString(slug)}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Someone_else_cannot_share_or_unshare_the_owners_notebook()
    {
        var id = await Host.StartedNotebook();
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share");
        var (_, token) = await Fixture.Someone();

        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share", null, Bearer(token))).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        await (await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/share", null, Bearer(token))).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }
}
