using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Journal.Tests.Web;

/// <summary>Helpers to read the HTML pages and to send their forms the way a browser without JavaScript does.</summary>
public sealed record OpenedPage(IHtmlDocument Page, string Url, string? Cookie);

public static class Pages
{
    /// <summary>GETs a page signed in as the owner.</summary>
    public static async Task<HttpResponseMessage> Get(this IAlbaHost host, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add("Cookie", await host.SignedIn(fresh: attempt > 1));
            var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
            // A test that moves the clock weeks ahead outlives the session cookie: sign in again.
            if (attempt > 1 || response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString.Contains("/signin", StringComparison.Ordinal) != true)
                return response;
        }
    }

    /// <summary>The owner's session cookie: signed in through the sign-in form once after each reset.</summary>
    public static async Task<string> SignedIn(this IAlbaHost host, bool fresh = false)
    {
        if (!fresh && JournalHost.PageCookie is { } cookie) return cookie;
        var signIn = await host.Anonymous().GetAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var opened = new OpenedPage(await Parse(signIn), "/signin", Cookies(signIn));
        var response = await host.Submit(opened, "form#signin", Fields(("email", Owner.Email), ("password", Owner.Password)), withSession: false);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return JournalHost.PageCookie = Cookies(response) ?? throw new InvalidOperationException("Signing in set no cookie");
    }

    /// <summary>"name=value; name=value" of the cookies a response sets.</summary>
    public static string? Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join("; ", cookies.Select(c => c.Split(';')[0])) : null;

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPage(this IAlbaHost host, string url)
    {
        var response = await host.Get(url);
        return (response, await Parse(response));
    }

    public static async Task<IHtmlDocument> Page(this IAlbaHost host, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (response, page) = await host.GetPage(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return page;
    }

    public static async Task<IHtmlDocument> Parse(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>GETs a page the way a browser does, keeping the cookies it sets (the antiforgery cookie).</summary>
    public static async Task<OpenedPage> Open(this IAlbaHost host, string url)
    {
        var response = await host.Get(url);
        return new OpenedPage(await Parse(response), url, Cookies(response));
    }

    /// <summary>GETs <paramref name="pageUrl"/> and sends its form found by <paramref name="formSelector"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitForm(this IAlbaHost host, string pageUrl, string formSelector,
        IReadOnlyDictionary<string, string> fields) =>
        await host.Submit(await host.Open(pageUrl), formSelector, fields);

    /// <summary>
    /// Sends a form of an opened page: its own values (the hidden antiforgery token among them) overridden by
    /// <paramref name="fields"/>, to its action (or <paramref name="action"/>), with the page's cookies.
    /// </summary>
    public static async Task<HttpResponseMessage> Submit(this IAlbaHost host, OpenedPage opened, string formSelector,
        IReadOnlyDictionary<string, string> fields, string? action = null, bool withSession = true)
    {
        var form = opened.Page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {opened.Url}");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? (box.Name, box.Value) : (null, null),
                IHtmlInputElement input when input.Type is not ("submit" or "button") => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (string.IsNullOrEmpty(name)) continue;
            values.Add(new(name, fields.TryGetValue(name, out var given) ? given : value ?? ""));
        }
        foreach (var (name, value) in fields)
            if (values.All(v => v.Key != name)) values.Add(new(name, value));

        var target = (action ?? form.GetAttribute("action") ?? opened.Url).Split('#')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, UriKind.Relative)) { Content = new FormUrlEncodedContent(values) };
        var cookies = new[] { withSession ? await host.SignedIn() : null, opened.Cookie }.Where(c => c is not null);
        if (cookies.Any()) request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The 303 of POST-redirect-GET, and where it sends the browser.</summary>
    public static string SeeOther(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("A 303 without Location");
    }

    public static string Text(this IElement? element) =>
        string.Join(" ", (element?.TextContent ?? "").Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    public static string Text(this IHtmlDocument page, string selector) => page.QuerySelector(selector).Text();

    public static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
