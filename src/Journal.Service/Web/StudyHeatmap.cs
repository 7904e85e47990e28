using Journal.Contracts;

namespace Journal.Web;

/// <param name="Level">For a studied date, 1–3 by its minutes across notebooks against an hour; otherwise 0.</param>
/// <param name="Ahead">After today: drawn empty.</param>
public sealed record HeatmapDay(DateOnly Date, int Entries, int Minutes, bool Rested, int Level, bool IsToday, bool Ahead);

/// <summary>The year of study across notebooks: one column per week (Monday first), the last one this week's.</summary>
public sealed record StudyHeatmapView(IReadOnlyList<IReadOnlyList<HeatmapDay>> Weeks, IReadOnlyList<MonthLabel> Months)
{
    public DateOnly First => Weeks[0][0].Date;
    public DateOnly Last => Weeks[^1][^1].Date;
}

/// <summary>The study page's year calendar, like a contributions graph. Pure.</summary>
public static class StudyHeatmap
{
    public const int WeekCount = 53;

    public static StudyHeatmapView Build(IReadOnlyList<StudyDay> days, DateOnly today)
    {
        var byDate = days.ToDictionary(d => d.Date);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var mondays = Enumerable.Range(0, WeekCount).Select(w => lastMonday.AddDays(-7 * (WeekCount - 1 - w))).ToList();
        var weeks = mondays.Select(monday => (IReadOnlyList<HeatmapDay>)[.. Enumerable.Range(0, 7).Select(i => Day(monday.AddDays(i)))]).ToList();
        return new StudyHeatmapView(weeks, StudyCalendar.MonthLabels(mondays));

        HeatmapDay Day(DateOnly date) => byDate.TryGetValue(date, out var day)
            ? new HeatmapDay(date, day.Entries, day.Minutes, day.Rested, day.Entries > 0 ? StudyCalendar.Level(day.Minutes, 60) : 0, date == today, date > today)
            : new HeatmapDay(date, 0, 0, false, 0, date == today, date > today);
    }

    /// <summary>"Mon, Mar 2: 2 entries, 1 hr 15 min"</summary>
    public static string Describe(HeatmapDay day)
    {
        var what = day.Entries > 0 ? $"{(day.Entries == 1 ? "1 entry" : $"{day.Entries} entries")}, {Display.Duration(day.Minutes)}"
            : day.Rested ? "rest day"
            : day.Ahead ? "ahead"
            : "nothing logged";
        return $"{Display.ShortDate(day.Date)}{(day.IsToday ? " (today)" : "")}: {what}";
    }

    public static string Classes(HeatmapDay day) =>
        "cal-day " + (day.Entries > 0 ? $"cal-studied cal-l{day.Level}" : day.Rested ? "cal-rested" : day.Ahead ? "cal-upcoming" : "cal-pending")
        + (day.IsToday ? " cal-today" : "");
}
