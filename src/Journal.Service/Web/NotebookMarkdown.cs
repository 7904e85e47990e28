using System.Globalization;
using System.Text;
using Journal.Notebooks.Days;

namespace Journal.Web;

/// <summary>
/// The notebook as Markdown, reading as its page does (the same <see cref="NotebookView"/> and the same words, from
/// <see cref="Display"/>): title, status and plan line, The Spark, progress, streaks, pace, time studied, the calendar's
/// counts, then every study day with its full entry and every rest day, in date order. The spark and entries are the
/// user's own Markdown, their headings moved below the file's; titles, summaries and reasons are plain text, escaped.
/// </summary>
public static class NotebookMarkdown
{
    public const string MediaType = "text/markdown";

    /// <param name="entries">The notebook's day entries in date order (streamed: a notebook's entries are never all in memory).</param>
    public static async Task WriteAsync(TextWriter w, NotebookView view, IAsyncEnumerable<DayEntry> entries, DateTimeOffset exportedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(entries);
        var p = view.Progress;
        var calendar = view.Calendar;
        await w.WriteAsync($"# {Escape(p.Title)}\n\n");
        await w.WriteAsync($"{Display.Status(p.Status)} · {Display.PlanLine(p.Plan, p.StartDate, view.Today)}\n\n");
        if (!string.IsNullOrWhiteSpace(p.Spark))
            await w.WriteAsync($"## The Spark\n\n{MarkdownHeadings.Shift(p.Spark, 2)}\n\n");

        await w.WriteAsync("## Progress\n\n");
        await w.WriteAsync($"**{p.Progress}**\n\n");
        await w.WriteAsync($"- Current streak: {Display.Count(p.CurrentStreak, "day")}\n");
        await w.WriteAsync($"- Longest streak: {Display.Count(p.LongestStreak, "day")}\n");
        await w.WriteAsync($"- Pace: {Display.Pace(p.Pace)} — {Display.PaceDetail(p.Pace, p.DaysLogged, p.Deadline)}\n");
        await w.WriteAsync($"- Time studied: {(p.MinutesStudied > 0 ? Display.Duration(p.MinutesStudied) : "—")}\n");
        await w.WriteAsync($"- {Display.Count(calendar.StudiedCount, "studied day")} · {Display.Count(calendar.RestedCount, "rest day")} · {Display.Count(calendar.MissedCount, "missed day")} in the plan\n");
        if (calendar.OverdueSince is { } since)
            await w.WriteAsync($"- The plan ended {Display.LongDate(since.AddDays(-1))}; overdue for {Display.Count(calendar.OverdueDays, "day")} since.\n");

        await w.WriteAsync("\n## Study days\n\n");
        if (view.Timeline.Count == 0) await w.WriteAsync("No days yet.\n\n");
        await using var next = entries.GetAsyncEnumerator(ct);
        var entry = await next.MoveNextAsync() ? next.Current : null;
        foreach (var (date, day, rest) in view.Timeline)
        {
            if (day is not null)
            {
                while (entry is not null && entry.Date < date) entry = await next.MoveNextAsync() ? next.Current : null;
                var full = entry?.Date == date ? entry : null;
                var meta = new StringBuilder(Display.DayHeading(day.DayNumber, day.Date));
                if (day.Minutes is { } minutes) meta.Append(" · ").Append(Display.Duration(minutes));
                if (day.Backfilled) meta.Append(" · backfilled");
                await w.WriteAsync($"### {Escape(day.Title)}\n\n{meta}\n\n");
                if (!string.IsNullOrWhiteSpace(day.Summary)) await w.WriteAsync($"{Escape(day.Summary)}\n\n");
                if (!string.IsNullOrWhiteSpace(full?.Entry)) await w.WriteAsync($"{MarkdownHeadings.Shift(full.Entry, 3)}\n\n");
            }
            else if (rest is not null)
            {
                await w.WriteAsync($"### Rest day · {Display.ShortDate(rest.Date)}{(rest.Reason is null ? "" : " — " + Escape(rest.Reason))}\n\n");
            }
        }
        await w.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"---\n\nExported from Journal on {Display.LongDate(DateOnly.FromDateTime(exportedAt.UtcDateTime))} (version {p.Version}).\n"));
    }

    /// <summary>
    /// Plain text that reads as itself in Markdown: the characters that would start emphasis, code, links, HTML or
    /// tables are escaped, and so is what would make a line a heading, quote or list item.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && (c is '#' or '>' or '-' or '+' or '=' || char.IsAsciiDigit(c) && OrderedListMarker(text, i)))
            {
                if (char.IsAsciiDigit(c))
                {
                    while (i < text.Length && char.IsAsciiDigit(text[i])) escaped.Append(text[i++]);
                    escaped.Append('\\').Append(text[i]);
                    lineStart = false;
                    continue;
                }
                escaped.Append('\\');
            }
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '~')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
            lineStart = c == '\n' || lineStart && c is ' ' or '\t';
        }
        return escaped.ToString();
    }

    private static bool OrderedListMarker(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i < text.Length && text[i] is '.' or ')';
    }
}
