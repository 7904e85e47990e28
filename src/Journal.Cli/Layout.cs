using System.Globalization;
using System.Text;
using Journal.Contracts;

namespace Journal.Cli;

/// <summary>How <c>journal</c> lays out what it reads, for people at a terminal (scripts use --json). Pure.</summary>
public static class Layout
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", English);

    /// <summary>"Thu 2026-04-30"</summary>
    public static string Day(DateOnly date) => date.ToString("ddd yyyy-MM-dd", English);

    public static string Status(string status) => status == "InProgress" ? "In Progress" : status;

    /// <summary>"45 min", "1 hr", "1 hr 30 min", "2 hrs"</summary>
    public static string Duration(int minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        var parts = new List<string>();
        if (hours > 0) parts.Add(hours == 1 ? "1 hr" : string.Create(English, $"{hours} hrs"));
        if (rest > 0 || hours == 0) parts.Add(string.Create(English, $"{rest} min"));
        return string.Join(" ", parts);
    }

    public static string Count(int n, string noun) => string.Create(English, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>"10 days over 14 · 1 hr / day · from 2026-04-27 to 2026-05-10 · Europe/Berlin"</summary>
    public static string Plan(NotebookProgressResponse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = new List<string> { p.Plan.Days == p.Plan.SpanDays ? Count(p.Plan.Days, "day") : string.Create(English, $"{Count(p.Plan.Days, "day")} over {p.Plan.SpanDays}") };
        if (p.Plan.MinutesPerDay is { } minutes) parts.Add($"{Duration(minutes)} / day");
        parts.Add($"from {Iso(p.StartDate)} to {Iso(p.Deadline)}");
        parts.Add(p.DayStartsAt == TimeOnly.MinValue ? p.TimeZone : string.Create(English, $"{p.TimeZone}, days from {p.DayStartsAt:HH\\:mm}"));
        return string.Join(" · ", parts);
    }

    public static string Pace(NotebookProgressResponse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Pace.State switch
        {
            "Completed" => "Completed: every planned day is logged",
            "Overdue" => $"Overdue: the plan ended {Iso(p.Deadline)}",
            "Ahead" => string.Create(English, $"Ahead of plan: {p.DaysLogged} logged, {p.Pace.ExpectedByToday} expected by today"),
            "OnTrack" => string.Create(English, $"On track: {p.DaysLogged} logged, {p.Pace.ExpectedByToday} expected by today"),
            "Behind" => string.Create(English, $"Behind plan: {p.DaysLogged} logged, {p.Pace.ExpectedByToday} expected by today"),
            var other => other,
        };
    }

    /// <summary>"██████░░░░" for 6 of 10.</summary>
    public static string Bar(int done, int planned, int width = 20)
    {
        var filled = planned <= 0 ? 0 : (int)Math.Round(width * Math.Min(done, planned) / (double)planned, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', width - filled);
    }

    /// <summary>The notebook at a glance: progress, streaks, pace, and its last <paramref name="lastDays"/> days and rest days.</summary>
    public static string Show(NotebookProgressResponse p, int lastDays)
    {
        ArgumentNullException.ThrowIfNull(p);
        var text = new StringBuilder();
        text.Append(English, $"{p.Title}  [{Status(p.Status)}]\n");
        text.Append(English, $"{Plan(p)}\n\n");
        text.Append(English, $"  Progress  {p.Progress}  {Bar(p.DaysLogged, p.Plan.Days)}\n");
        text.Append(English, $"  Streak    {Count(p.CurrentStreak, "day")} now · {Count(p.LongestStreak, "day")} longest\n");
        text.Append(English, $"  Pace      {Pace(p)}\n");
        text.Append(English, $"  Studied   {(p.MinutesStudied > 0 ? Duration(p.MinutesStudied) : "—")}{(p.DaysSkipped > 0 ? " · " + Count(p.DaysSkipped, "rest day") : "")}\n");
        text.Append(English, $"  Id        {p.Id} (version {p.Version})\n");

        var timeline = p.Days.Select(d => (d.Date, Line: DayLine(d)))
            .Concat(p.Skips.Select(s => (s.Date, Line: string.Create(English, $"  Rest    {Day(s.Date)}  {s.Reason ?? ""}{(s.Late ? " (late)" : "")}").TrimEnd())))
            .OrderBy(x => x.Date).ToList();
        if (timeline.Count == 0)
        {
            text.Append("\nNo days yet: `journal log --title …` records one.\n");
            return text.ToString();
        }
        text.Append(English, $"\n{(timeline.Count > lastDays ? $"Last {lastDays} of {timeline.Count} days" : "Days")}\n");
        foreach (var (_, line) in timeline.TakeLast(lastDays)) text.Append(line).Append('\n');
        return text.ToString();
    }

    private static string DayLine(DaySummary d) =>
        string.Create(English, $"  Day {d.DayNumber,-3} {Day(d.Date)}  {d.Title}{(d.Minutes is { } m ? " · " + Duration(m) : "")}{(d.Backfilled ? " (backfilled)" : "")}");

    /// <summary>The notebooks as a table: id (as short as it stays unique), title, status, progress, streak, last studied.</summary>
    public static string List(IReadOnlyList<NotebookIndexItem> notebooks)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        if (notebooks.Count == 0) return "No notebooks yet: `journal start \"Title\" --days 10 --span 14` starts one.\n";
        var rows = notebooks.Select(n => new[]
        {
            NotebookNames.ShortId(n.Id, notebooks), n.Title, Status(n.Status), n.Progress, n.CurrentStreak.ToString(English),
            n.LastStudiedOn is { } last ? Iso(last) : "—",
        }).Prepend(["ID", "TITLE", "STATUS", "PROGRESS", "STREAK", "LAST STUDIED"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>One line per event: version, recorded time, type and its gist.</summary>
    public static string History(IReadOnlyList<HistoryEntry> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        foreach (var e in events)
            text.Append(string.Create(English, $"{e.Version,5}  {e.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {e.Type,-18}  {Gist(e)}").TrimEnd()).Append('\n');
        return text.ToString();
    }

    private static string Gist(HistoryEntry e)
    {
        string? Get(string name) => e.Data.ValueKind == System.Text.Json.JsonValueKind.Object && e.Data.TryGetProperty(name, out var v)
            ? v.ValueKind switch { System.Text.Json.JsonValueKind.Null => null, System.Text.Json.JsonValueKind.String => v.GetString(), _ => v.GetRawText() }
            : null;
        var parts = new[] { Get("date"), Get("title"), Get("reason"), Get("timeZone") }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (e.Data.TryGetProperty("plan", out var plan) && plan.ValueKind == System.Text.Json.JsonValueKind.Object)
            parts.Add(string.Create(English, $"{plan.GetProperty("days").GetInt32()} days over {plan.GetProperty("spanDays").GetInt32()}"));
        if (Get("minutes") is { } minutes) parts.Add(Duration(int.Parse(minutes, English)));
        if (Get("backfilled") == "true") parts.Add("backfilled");
        if (Get("late") == "true") parts.Add("late");
        return string.Join(" · ", parts);
    }

    public static string Audit(AuditResponse audit, long events)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var text = new StringBuilder();
        text.Append(audit.Consistent
            ? string.Create(English, $"Consistent: every stored figure matches a replay of its {events} events.\n")
            : $"DRIFT: {string.Join(", ", audit.Differences.Select(d => $"{d.Field} is {d.Stored?.GetRawText() ?? "nothing"} stored, {d.Replayed?.GetRawText() ?? "nothing"} replayed"))}.\n");
        text.Append(audit.Runs.Count == 0 ? "No runs of study yet.\n" : "Runs of study\n");
        foreach (var run in audit.Runs)
            text.Append(English, $"  {Iso(run.From)} to {Iso(run.To)}  {Count(run.Length, "day")}" +
                $"{(run.RestedDates.Count > 0 ? $", rested {string.Join(", ", run.RestedDates.Select(Iso))}" : "")}" +
                $"{(run.EndedBy is { } ended ? $"; ended by {Iso(ended)}, missed" : "; still going")}\n");
        text.Append(English, $"Backfilled days: {(audit.BackfilledDays.Count == 0 ? "none" : string.Join(", ", audit.BackfilledDays.Select(Iso)))}\n");
        text.Append(English, $"Late rest days: {(audit.LateSkips.Count == 0 ? "none" : string.Join(", ", audit.LateSkips.Select(Iso)))}\n");
        return text.ToString();
    }
}
