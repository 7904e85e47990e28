using System.Globalization;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Web;

/// <summary>How the pages write dates, plans, statuses and paces. Pure; English, like the rest of the service.</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"Thu, Apr 30"</summary>
    public static string ShortDate(DateOnly date) => date.ToString("ddd, MMM d", English);

    /// <summary>"April 27, 2026"</summary>
    public static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    /// <summary>"Thursday, April 30, 2026"</summary>
    public static string FullDate(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", English);

    /// <summary>"2026-04-30", as in addresses and date inputs.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", English);

    /// <summary>"Day 4 · Thu, Apr 30"</summary>
    public static string DayHeading(int dayNumber, DateOnly date) => string.Create(English, $"Day {dayNumber} · {ShortDate(date)}");

    public static string Status(string status) => status switch
    {
        nameof(NotebookStatus.InProgress) => "In Progress",
        _ => status,
    };

    /// <summary>The CSS modifier of a status badge: "in-progress", "completed", "abandoned".</summary>
    public static string StatusClass(string status) => status switch
    {
        nameof(NotebookStatus.InProgress) => "in-progress",
        _ => status.ToLowerInvariant(),
    };

    /// <summary>"10 days (2 weeks) · 1 hr / day · Started April 27, 2026"</summary>
    public static string PlanLine(Plan plan, DateOnly startDate, DateOnly today)
    {
        var parts = new List<string> { $"{Count(plan.Days, "day")} ({Span(plan)})" };
        if (plan.MinutesPerDay is { } minutes) parts.Add($"{Duration(minutes)} / day");
        parts.Add($"{(startDate > today ? "Starts" : "Started")} {LongDate(startDate)}");
        return string.Join(" · ", parts);
    }

    private static string Span(Plan plan) => plan.SpanDays switch
    {
        var span when span % 7 == 0 => Count(span / 7, "week"),
        var span when span == plan.Days => "every day",
        var span => $"over {Count(span, "day")}",
    };

    /// <summary>"45 min", "1 hr", "1 hr 30 min", "2 hrs"</summary>
    public static string Duration(int minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        var hourText = hours switch { 0 => "", 1 => "1 hr", _ => string.Create(English, $"{hours} hrs") };
        var minuteText = rest == 0 ? "" : string.Create(English, $"{rest} min");
        return string.Join(" ", new[] { hourText, minuteText }.Where(s => s.Length > 0));
    }

    /// <summary>"1 day", "3 days"</summary>
    public static string Count(int n, string noun) => string.Create(English, $"{n} {noun}{(n == 1 ? "" : "s")}");

    public static string Pace(PaceResponse pace) => pace.State switch
    {
        "Completed" => "Completed",
        "Ahead" => "Ahead of plan",
        "OnTrack" => "On track",
        "Behind" => "Behind plan",
        "Overdue" => "Overdue",
        var other => other,
    };

    public static string PaceDetail(PaceResponse pace, int daysLogged, DateOnly deadline) => pace.State switch
    {
        "Completed" => "Every planned day is logged.",
        "Overdue" => $"The plan ended {LongDate(deadline)}.",
        _ => string.Create(English, $"{daysLogged} logged, {pace.ExpectedByToday} expected by today · the plan ends {ShortDate(deadline)}"),
    };

    /// <summary>The CSS modifier of a pace: "ahead", "on-track", "behind", …</summary>
    public static string PaceClass(PaceResponse pace) => pace.State switch
    {
        "OnTrack" => "on-track",
        var state => state.ToLowerInvariant(),
    };
}
