using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Journal.Web;

/// <summary>
/// Markdown written by users (the spark, entries) to HTML that cannot run script. Raw HTML is not
/// parsed (it comes out as escaped text), and every link, image and autolink must use http, https,
/// mailto or a relative address: any other one (javascript:, vbscript:, data:, …) is unwrapped to its
/// text. Markdig checks neither by itself. Images from other sites become links to them (a reader's browser fetches
/// nothing from elsewhere). No extension that lets text set attributes is enabled.
/// </summary>
public static class SafeMarkdown
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    /// <param name="headingOffset">Added to every heading level (capped at 6), so that a "# Heading" in an
    /// entry sits below the page's own headings.</param>
    public static string ToHtml(string? markdown, int headingOffset = 0)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);

        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.GetDynamicUrl is null && IsSafeUrl(link.Url) && link.IsImage && IsAbsolute(link.Url))
            {
                // A remote image would be fetched by every reader's browser (a tracking pixel in a shared notebook):
                // it becomes a link to the image, labelled with its alt text.
                link.IsImage = false;
                if (link.FirstChild is null) link.AppendChild(new LiteralInline("image"));
                link.InsertBefore(new LiteralInline("image: "));
            }
            if (link.GetDynamicUrl is null && IsSafeUrl(link.Url))
            {
                if (!link.IsImage && IsAbsolute(link.Url))
                    link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
                continue;
            }
            link.MoveChildrenAfter(link); // keep the label (or an image's alt text) as plain text
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        // The rewriter is a second line: whatever URL still reaches the renderer is checked once more.
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => IsSafeUrl(url) ? url : "#" };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// True for relative addresses and for http, https and mailto ones, read the way a browser reads an
    /// href: tabs and newlines anywhere are ignored, as are control characters and spaces at either end.
    /// Deliberately not <c>Uri.TryCreate(…, UriKind.Absolute)</c>: on Linux it reads "/notes/1" as a file: URI.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (url is null) return true;
        var cleaned = string.Concat(url.Where(c => c is not ('\t' or '\n' or '\r'))).Trim(ControlsAndSpace);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return true;
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // "/a:b", "?q=a:b", "#a:b" are relative
        var scheme = cleaned[..colon];
        return AllowedSchemes.Any(allowed => allowed.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAbsolute(string? url) =>
        url is not null && (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
                            || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                            || url.StartsWith("//", StringComparison.Ordinal));

    private static readonly char[] ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];
}
