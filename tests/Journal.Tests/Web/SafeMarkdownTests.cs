using AngleSharp.Html.Parser;
using Journal.Web;

namespace Journal.Tests.Web;

public class SafeMarkdownTests
{
    [Fact]
    public void Renders_markdown()
    {
        Assert.Equal("<p>The borrow checker keeps <em>winning</em>.</p>\n", SafeMarkdown.ToHtml("The borrow checker keeps *winning*."));
        Assert.Equal("", SafeMarkdown.ToHtml(null));
        Assert.Equal("", SafeMarkdown.ToHtml("  \n "));
    }

    [Fact]
    public void Headings_sit_below_the_page_headings()
    {
        Assert.Equal("<h2>Lifetimes</h2>\n<h6>Deep</h6>\n", SafeMarkdown.ToHtml("# Lifetimes\n\n###### Deep", headingOffset: 1));
        Assert.Equal("<h3>Why</h3>\n", SafeMarkdown.ToHtml("# Why", headingOffset: 2));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("text <b onmouseover=alert(1)>bold</b> text")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    public void Raw_html_is_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        var body = Parse(html);
        Assert.Empty(body.QuerySelectorAll("script, img, svg, iframe, b, a"));
        Assert.Contains(markdown.Trim(), body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a](javascript:alert(1))", "a")]
    [InlineData("[b](JaVaScRiPt:alert(1))", "b")]
    [InlineData("[c](JAVASCRIPT:alert(1))", "c")]
    [InlineData("[d](&#106;avascript:alert(1))", "d")]
    [InlineData("[e](&#x6A;&#x61;vascript:alert(1))", "e")]
    [InlineData("[f](java&#x09;script:alert(1))", "f")]
    [InlineData("[g](java&#10;script:alert(1))", "g")]
    [InlineData("[h](javascript&colon;alert(1))", "h")]
    [InlineData("[i](&#x01;javascript:alert(1))", "i")]
    [InlineData("[j](<javascript:alert(1)>)", "j")]
    [InlineData("[k](vbscript:msgbox(1))", "k")]
    [InlineData("[l](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg)", "l")]
    [InlineData("[m](file:///etc/passwd)", "m")]
    [InlineData("[n][evil]\n\n[evil]: javascript:alert(1)", "n")]
    [InlineData("[o][]\n\n[o]: JavaScript:alert(1) \"title\"", "o")]
    [InlineData("![p](javascript:alert(1))", "p")]
    [InlineData("![q](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "q")]
    [InlineData("![r](DATA:image/png;base64,iVBORw0KGgo=)", "r")]
    [InlineData("[![s](/assets/ok.png)](javascript:alert(1))", "")]
    public void Links_and_images_with_unsafe_schemes_become_their_text(string markdown, string text)
    {
        var body = Parse(SafeMarkdown.ToHtml(markdown));

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.All(body.QuerySelectorAll("img"), img => Assert.Equal("/assets/ok.png", img.GetAttribute("src")));
        Assert.Contains(text, body.TextContent, StringComparison.Ordinal);
        AssertNoScriptUrls(body);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,hi>")]
    public void Autolinks_with_unsafe_schemes_become_text(string markdown)
    {
        var body = Parse(SafeMarkdown.ToHtml(markdown));

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Contains(markdown.Trim('<', '>'), body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[book](https://doc.rust-lang.org/book/)", "https://doc.rust-lang.org/book/")]
    [InlineData("[plain](http://example.com/a?b=c:d)", "http://example.com/a?b=c:d")]
    [InlineData("[mail](mailto:me@example.com)", "mailto:me@example.com")]
    [InlineData("[day](/notebooks/1/days/2026-03-02)", "/notebooks/1/days/2026-03-02")]
    [InlineData("[up](../index)", "../index")]
    [InlineData("[anchor](#section)", "#section")]
    [InlineData("[query](?q=a:b)", "?q=a:b")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("Bare https://example.com/y here", "https://example.com/y")]
    public void Links_with_safe_schemes_stay(string markdown, string href)
    {
        var links = Parse(SafeMarkdown.ToHtml(markdown)).QuerySelectorAll("a");

        Assert.Equal(href, Assert.Single(links).GetAttribute("href"));
    }

    [Fact]
    public void External_links_do_not_pass_the_page_on()
    {
        var link = Assert.Single(Parse(SafeMarkdown.ToHtml("[book](https://doc.rust-lang.org/book/)")).QuerySelectorAll("a"));
        Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
        var local = Assert.Single(Parse(SafeMarkdown.ToHtml("[day](/notebooks)")).QuerySelectorAll("a"));
        Assert.Null(local.GetAttribute("rel"));
    }

    [Fact]
    public void Images_of_this_site_stay_and_images_from_elsewhere_become_links_that_fetch_nothing()
    {
        var local = Assert.Single(Parse(SafeMarkdown.ToHtml("![diagram](/assets/d.png \"A diagram\")")).QuerySelectorAll("img"));
        Assert.Equal(("/assets/d.png", "diagram"), (local.GetAttribute("src"), local.GetAttribute("alt")));

        foreach (var remote in new[] { "![pixel](https://tracker.example/p.gif)", "![](http://tracker.example/p.gif)", "![x](//tracker.example/p.gif)" })
        {
            var body = Parse(SafeMarkdown.ToHtml(remote));
            Assert.Empty(body.QuerySelectorAll("img"));
            var link = Assert.Single(body.QuerySelectorAll("a"));
            Assert.Contains("tracker.example/p.gif", link.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
            Assert.StartsWith("image: ", body.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("# Title {onclick=alert(1)}")]
    [InlineData("[x](https://example.com){onmouseover=alert(1)}")]
    [InlineData("[x](https://example.com \"t\" onmouseover=alert(1))")]
    [InlineData("[x](#\" onmouseover=\"alert(1))")]
    public void No_markdown_sets_an_attribute(string markdown)
    {
        var body = Parse(SafeMarkdown.ToHtml(markdown));
        Assert.DoesNotContain(body.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("HTTP://example.com", true)]
    [InlineData("mailto:a@example.com", true)]
    [InlineData("/notes/1", true)]
    [InlineData("notes/1", true)]
    [InlineData("//example.com/x", true)]
    [InlineData("#top", true)]
    [InlineData("?a=b:c", true)]
    [InlineData("/a:b", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("\u0001javascript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("java\rscript:alert(1)", false)]
    [InlineData("jAvAsCrIpT:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData("java\u200Bscript:alert(1)", false)]
    public void Safe_urls(string url, bool safe) => Assert.Equal(safe, SafeMarkdown.IsSafeUrl(url));

    private static AngleSharp.Dom.IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    private static void AssertNoScriptUrls(AngleSharp.Dom.IElement body)
    {
        foreach (var attribute in body.QuerySelectorAll("*").SelectMany(e => e.Attributes))
        {
            var value = new string([.. attribute.Value.Where(c => c > ' ')]).ToLowerInvariant();
            Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal)
                || value.StartsWith("data:", StringComparison.Ordinal), $"{attribute.Name}=\"{attribute.Value}\"");
        }
    }
}
