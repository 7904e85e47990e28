using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using static Journal.Tests.Web.Pages;

namespace Journal.Tests.Web;

/// <summary>
/// No field can put script on a page: every text a user writes (a notebook's title and spark, a day's title,
/// summary and entry, a rest day's reason) is sent through the forms with payloads, and every page that shows
/// it is parsed as a browser would and searched for anything that could run.
/// </summary>
public sealed class ScriptInjectionTests(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>Single-line payloads: titles and reasons.</summary>
    public static readonly TheoryData<string> Lines =
    [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "<svg/onload=alert(1)>",
        "javascript:alert(1)",
        "</title><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<iframe src=javascript:alert(1)></iframe>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<body onload=alert(1)><details open ontoggle=alert(1)>",
    ];

    /// <summary>Markdown that tries every way known to Markdig's users to get a live script URL or element through.</summary>
    public const string Markdown = """
        <script>alert(1)</script>

        <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">raw</a>

        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](&#x6A;avascript:alert(1))
        [e](java&#x09;script:alert(1)) [f](java&#10;script:alert(1)) [g](javascript&colon;alert(1)) [h](<javascript:alert(1)>)
        [i](vbscript:msgbox(1)) [j](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg) [k](#" onmouseover="alert(1))

        ![l](javascript:alert(1)) ![m](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![n](x" onerror="alert(1))

        <javascript:alert(1)> <JAVASCRIPT:alert(1)> <vbscript:alert(1)>

        [o][evil] [p][]

        [evil]: javascript:alert(1)
        [p]: data:text/html,alert(1)

        # Heading {onclick=alert(1)}

        | a | b |
        |---|---|
        | <script>alert(1)</script> | [q](javascript:alert(1)) |
        """;

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task No_field_puts_script_on_any_page(string payload)
    {
        var started = await Host.SubmitForm("/notebooks/new", "form.stacked-form",
            Fields(("title", payload), ("spark", Markdown + "\n\n" + payload), ("plan.days", "10"), ("plan.spanDays", "14")));
        var notebook = started.SeeOther().Split('?')[0];
        (await Host.SubmitForm(notebook, "#log-day", Fields(("title", payload), ("summary", payload + "\n" + payload), ("entry", Markdown))))
            .SeeOther();
        (await Host.SubmitForm(notebook, "#skip-day", Fields(("date", "2026-03-11"), ("reason", payload)))).SeeOther();

        var index = await Host.Page("/");
        var page = await Host.Page(notebook);
        var day = await Host.Page($"{notebook}/days/2026-03-10");

        foreach (var document in new[] { index, page, day }) AssertNothingRuns(document);
        // Shown as the text it is, not dropped:
        Assert.Equal(payload, index.QuerySelector(".notebook-card h2").Text());
        Assert.Equal($"{payload} · Journal", page.Title);
        Assert.Equal(payload, page.QuerySelector("h1").Text());
        Assert.Equal(payload, page.QuerySelector(".day-card h3").Text());
        Assert.Equal($"{payload}\n{payload}", page.QuerySelector(".day-card .summary")!.TextContent);
        Assert.Equal($"Rest day · Wed, Mar 11 — {payload}", page.QuerySelector(".rest-day p").Text());
        Assert.Equal(payload, day.QuerySelector("h1").Text());
        Assert.Contains("<script>alert(1)</script>", day.QuerySelector(".entry")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector(".spark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_is_sent_back_with_errors_escapes_what_was_typed()
    {
        var id = await Host.StartedNotebook();
        const string payload = "</textarea><script>alert(1)</script>\"><img src=x onerror=alert(1)>";

        var response = await Host.SubmitForm($"/notebooks/{id}", "#log-day",
            Fields(("title", ""), ("summary", payload), ("entry", payload), ("minutes", payload), ("date", payload)));

        var page = await Parse(response);
        AssertNothingRuns(page);
        Assert.Equal(payload, page.QuerySelector("#log-summary")!.TextContent);
        Assert.Equal(payload, page.QuerySelector("#log-minutes")!.GetAttribute("value"));
        Assert.Equal(payload, page.QuerySelector("#log-date")!.GetAttribute("value"));
    }

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster", "background", "cite", "srcdoc"];

    /// <summary>What a browser would run: script elements, frames and plug-ins, event handler attributes, and script/data URLs.</summary>
    private static void AssertNothingRuns(IHtmlDocument page)
    {
        Assert.Empty(page.QuerySelectorAll("script, iframe, frame, object, embed, applet, base, form:not([action^='/notebooks/']):not([action='/signout']), meta[http-equiv]"));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                Assert.NotEqual("style", attribute.Name);
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                    Assert.True(IsHarmless(attribute.Value), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }
        }
        // Ours, and only ours: the one stylesheet and icon, the calendar's SVG.
        Assert.All(page.QuerySelectorAll("link"), link => Assert.StartsWith("/assets/", link.GetAttribute("href")));
        Assert.True(page.QuerySelectorAll("svg").Length <= 1);
    }

    /// <summary>A URL that names no scheme (relative) or http, https or mailto, read as browsers do: ignoring controls and spaces.</summary>
    private static bool IsHarmless(string url)
    {
        var squeezed = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();
        var colon = squeezed.IndexOf(':', StringComparison.Ordinal);
        var slash = squeezed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true;
        return squeezed[..colon] is "http" or "https" or "mailto";
    }
}
