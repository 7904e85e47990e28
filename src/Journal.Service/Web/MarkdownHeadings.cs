using System.Text;
using Markdig;
using Markdig.Syntax;

namespace Journal.Web;

/// <summary>
/// Moves the headings of a user's Markdown (a spark, an entry) down below the document they are placed in, as the pages
/// do when they render it (<see cref="SafeMarkdown.ToHtml"/>'s headingOffset), but in the Markdown text itself: "# Moves"
/// in an entry under a "### Day" heading becomes "#### Moves". Only real headings move: a "#" line in a code block stays.
/// Setext headings (a line underlined with === or ---) become "#" headings of their new level. Levels stop at 6.
/// </summary>
public static class MarkdownHeadings
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseTaskLists().Build();

    public static string Shift(string markdown, int offset)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (offset == 0 || !markdown.Contains('#') && !markdown.Contains("\n=", StringComparison.Ordinal) && !markdown.Contains("\n-", StringComparison.Ordinal))
            return markdown;
        var headings = Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().OrderByDescending(h => h.Span.Start).ToList();
        var text = new StringBuilder(markdown);
        foreach (var heading in headings)
        {
            var level = Math.Clamp(heading.Level + offset, 1, 6);
            if (heading.HeaderChar == '#')
            {
                var start = heading.Span.Start;
                while (start < text.Length && text[start] is ' ' or '\t') start++;
                var end = start;
                while (end < text.Length && text[end] == '#') end++;
                text.Remove(start, end - start).Insert(start, new string('#', level));
            }
            else
            {
                // The heading's text lines, without the underline that ends them.
                var lines = markdown.Substring(heading.Span.Start, heading.Span.Length).Split('\n')[..^1].Select(line => line.Trim());
                text.Remove(heading.Span.Start, heading.Span.Length).Insert(heading.Span.Start, $"{new string('#', level)} {string.Join(" ", lines)}");
            }
        }
        return text.ToString();
    }
}
