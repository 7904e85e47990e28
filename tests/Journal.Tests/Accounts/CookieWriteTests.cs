using System.Net;
using System.Text;
using Journal.Contracts;
using Journal.Tests.Web;

namespace Journal.Tests.Accounts;

/// <summary>
/// A page of another site can make a signed-in browser send the cookie with a form, text/plain or empty POST: none of
/// them may change anything. JSON (which such a page cannot send without CORS) signed in by cookie works.
/// </summary>
public sealed class CookieWriteTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private async Task<HttpResponseMessage> WithCookie(string url, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Add("Cookie", await Host.SignedIn());
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Host.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static TheoryData<string> SimpleBodies => ["form", "text", "none", "cross-site-json"];

    [Theory]
    [MemberData(nameof(SimpleBodies))]
    public async Task A_cross_site_simple_post_to_the_api_changes_nothing(string kind)
    {
        var id = await Host.StartedNotebook();
        await Host.SignedIn(); // signing in is an event of its own
        var before = await Host.EventRows();
        HttpContent? content = kind switch
        {
            "form" => new FormUrlEncodedContent([new("reason", "csrf")]),
            "text" => new StringContent("""{"reason":"csrf"}""", Encoding.UTF8, "text/plain"),
            "cross-site-json" => new StringContent("""{"reason":"csrf"}""", Encoding.UTF8, "application/json"),
            _ => null,
        };
        var headers = kind == "cross-site-json" ? new[] { ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example") } : [("Origin", "https://evil.example")];

        var response = await WithCookie($"/api/notebooks/{id}/abandon", content, headers);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Host.EventRows());
    }

    [Fact]
    public async Task Json_signed_in_by_cookie_writes_as_the_signed_in_account()
    {
        var id = await Host.StartedNotebook();

        var response = await WithCookie($"/api/notebooks/{id}/abandon", new StringContent("""{"reason":"From the docs page"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(2, (await response.Read<VersionResponse>(HttpStatusCode.OK)).Version);
    }

    [Fact]
    public async Task A_signed_out_browser_gets_no_api_answer_and_pages_redirect_to_sign_in()
    {
        var api = await Host.Anonymous().GetAsync(new Uri("/api/notebooks", UriKind.Relative), TestContext.Current.CancellationToken);
        await api.Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");

        var page = await Host.Anonymous().GetAsync(new Uri("/notebooks/new", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
