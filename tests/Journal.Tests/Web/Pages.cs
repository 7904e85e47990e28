using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Journal.Tests.Web;

/// <summary>Helpers to read the HTML pages and to send their forms the way a browser without JavaScript does.</summary>
public sealed record OpenedPage(IHtmlDocument Page, string Url, string? Cookie);

public static class Pages
{
    public static Task<HttpResponseMessage> Get(this IAlbaHost host, string url) =>
        host.Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

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
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join("; ", cookies.Select(c => c.Split(';')[0])) : null;
        return new OpenedPage(await Parse(response), url, cookie);
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
        IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var form = opened.Page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {opened.Url}");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement input when input.Type is not ("submit" or "button" or "checkbox" or "radio") => (input.Name, input.Value),
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
        if (opened.Cookie is not null) request.Headers.Add("Cookie", opened.Cookie);
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
