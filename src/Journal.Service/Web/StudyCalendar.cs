using System.Globalization;
using Journal.Notebooks;
using Journal.Notebooks.Progress;

namespace Journal.Web;

/// <summary>What one date of the study calendar shows.</summary>
public enum CalendarDayKind
{
    /// <summary>Before the notebook starts, or after its plan where nothing is expected any more.</summary>
    Outside,
    /// <summary>Has an entry.</summary>
    Studied,
    /// <summary>Skipped on purpose and has no entry.</summary>
    Rested,
    /// <summary>
    /// A past date inside the plan with neither an entry nor a rest, once the plan's slack is used up: the plan leaves
    /// spanDays − days dates free, and the first empty dates take that slack (<see cref="Free"/>).
    /// </summary>
    Missed,
    /// <summary>A past, empty date inside the plan that the plan's slack covers (10 days over 14 leave 4 free).</summary>
    Free,
    /// <summary>After the deadline of a notebook still in progress: past the plan, not missed (the summary says how long).</summary>
    PastPlan,
    /// <summary>Today, with nothing yet, in a notebook still in progress: pending, not missed (as for streaks).</summary>
    Pending,
    /// <summary>A date still ahead within the plan of a notebook in progress.</summary>
    Upcoming,
}

/// <summary>The facts a calendar is drawn from: logged dates (with their minutes), rest days, the plan and today.</summary>
public sealed record CalendarFacts(
    IReadOnlyDictionary<DateOnly, int?> Studied,
    IReadOnlySet<DateOnly> Rested,
    DateOnly StartDate,
    DateOnly Deadline,
    DateOnly Today,
    bool InProgress,
    int? MinutesPerDay,
    int PlannedDays)
{
    public static CalendarFacts Of(NotebookProgress p, DateOnly today) => new(
        p.Days.ToDictionary(d => d.Date, d => d.Minutes),
        p.Skips.Select(s => s.Date).ToHashSet(),
        p.StartDate, p.Deadline, today, p.Status == NotebookStatus.InProgress, p.Plan.MinutesPerDay, p.Plan.Days);

    /// <summary>
    /// The past, empty dates inside the plan that its slack covers (the dates the plan leaves free: 10 days over 14
    /// leave 4), the earliest ones. A rest day is deliberate and takes none of the slack.
    /// </summary>
    public IReadOnlySet<DateOnly> FreeDates { get; } = EmptyPastPlanDates(StartDate, Deadline, Today, Studied, Rested)
        .Take(Math.Max(0, Deadline.DayNumber - StartDate.DayNumber + 1 - PlannedDays)).ToHashSet();

    private static IEnumerable<DateOnly> EmptyPastPlanDates(
        DateOnly start, DateOnly deadline, DateOnly today, IReadOnlyDictionary<DateOnly, int?> studied, IReadOnlySet<DateOnly> rested)
    {
        for (var date = start; date <= deadline && date < today; date = date.AddDays(1))
            if (!studied.ContainsKey(date) && !rested.Contains(date)) yield return date;
    }
}

/// <param name="Level">For a studied date, 1–3 by minutes against the daily plan; otherwise 0.</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, int Level, bool IsToday, int? Minutes);

public sealed record MonthLabel(int Week, string Name);

/// <summary>
/// A calendar laid out like a contribution calendar: one column per week (Monday first), one row per weekday. Its
/// counts cover the whole notebook (missed and free days only inside the plan); <see cref="Years"/> names the pages of
/// a calendar too long for one, <see cref="Year"/> the one drawn.
/// </summary>
public sealed record StudyCalendarView(
    IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks,
    IReadOnlyList<MonthLabel> Months,
    int StudiedCount,
    int RestedCount,
    int MissedCount,
    int FreeCount,
    DateOnly? OverdueSince,
    int OverdueDays,
    IReadOnlyList<int> Years,
    int? Year)
{
    public DateOnly First => Weeks[0][0].Date;
    public DateOnly Last => Weeks[^1][^1].Date;
}

/// <summary>The study calendar's rules: which dates it spans and what each shows. Pure.</summary>
public static class StudyCalendar
{
    /// <summary>A calendar longer than a year is drawn a calendar year at a time.</summary>
    public const int MaxWeeks = 53;

    /// <summary>A short plan is drawn among the weeks around it, so that it reads as a calendar.</summary>
    public const int MinWeeks = 12;

    public static CalendarDayKind Classify(DateOnly date, CalendarFacts facts)
    {
        if (facts.Studied.ContainsKey(date)) return CalendarDayKind.Studied;
        if (facts.Rested.Contains(date)) return CalendarDayKind.Rested;
        if (date < facts.StartDate) return CalendarDayKind.Outside;
        if (date >= facts.Today && !facts.InProgress) return CalendarDayKind.Outside; // nothing more can be logged
        if (date == facts.Today) return CalendarDayKind.Pending;
        if (date > facts.Today) return date <= facts.Deadline ? CalendarDayKind.Upcoming : CalendarDayKind.Outside;
        // A past date: inside the plan free (its slack) or missed; after it, past the plan while still open (overdue).
        if (date <= facts.Deadline) return facts.FreeDates.Contains(date) ? CalendarDayKind.Free : CalendarDayKind.Missed;
        return facts.InProgress ? CalendarDayKind.PastPlan : CalendarDayKind.Outside;
    }

    /// <summary>1 below half the daily plan, 2 below the plan, 3 at or above it (an hour when the plan names none); 2 when no minutes were logged.</summary>
    public static int Level(int? minutes, int? minutesPerDay)
    {
        if (minutes is not { } m) return 2;
        var target = minutesPerDay ?? 60;
        return m * 2 < target ? 1 : m < target ? 2 : 3;
    }

    /// <summary>
    /// From the Monday on or before the start (or today, when the notebook starts later) to the Sunday on or
    /// after the deadline, the last fact or, while the notebook is in progress, today, whichever is latest (a closed
    /// notebook of years ago is drawn around its plan, not up to today); widened on both sides to at least
    /// <see cref="MinWeeks"/> weeks. Longer than <see cref="MaxWeeks"/> weeks, it is drawn a calendar year at a time:
    /// <paramref name="year"/>, or else the latest year of the plan or of the last fact.
    /// </summary>
    public static StudyCalendarView Build(CalendarFacts facts, int? year = null)
    {
        var dates = facts.Studied.Keys.Concat(facts.Rested).ToList();
        var from = new[] { facts.StartDate, facts.Today }.Concat(dates).Min();
        var to = new[] { facts.Deadline, facts.InProgress ? facts.Today : facts.Deadline }.Concat(dates).Max();
        IReadOnlyList<int> years = [];
        int? shown = null;
        if ((to.DayNumber - from.DayNumber) / 7 + 2 > MaxWeeks)
        {
            years = [.. Enumerable.Range(from.Year, to.Year - from.Year + 1)];
            shown = year is { } asked && years.Contains(asked) ? asked : new[] { facts.Deadline }.Concat(dates).Max().Year;
            (from, to) = (Max(from, new DateOnly(shown.Value, 1, 1)), Min(to, new DateOnly(shown.Value, 12, 31)));
        }

        var first = from.AddDays(-Weekday(from));
        var last = to.AddDays(6 - Weekday(to));
        var weekCount = (last.DayNumber - first.DayNumber + 1) / 7;
        if (weekCount < MinWeeks)
        {
            var before = (MinWeeks - weekCount) / 2;
            first = first.AddDays(-7 * before);
            last = last.AddDays(7 * (MinWeeks - weekCount - before));
        }
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(i => Day(monday.AddDays(i), facts))]);
        }
        return Counted(facts, weeks, years, shown);
    }

    /// <summary>The counts cover every date of the notebook, whatever part of the calendar is drawn.</summary>
    private static StudyCalendarView Counted(CalendarFacts facts, List<IReadOnlyList<CalendarDay>> weeks, IReadOnlyList<int> years, int? year)
    {
        var lastPlanDate = Min(facts.Deadline, facts.Today.AddDays(-1));
        var planDates = facts.StartDate > lastPlanDate ? [] : Enumerable.Range(0, lastPlanDate.DayNumber - facts.StartDate.DayNumber + 1)
            .Select(i => Classify(facts.StartDate.AddDays(i), facts)).ToList();
        var overdue = facts.InProgress && facts.Today > facts.Deadline;
        return new StudyCalendarView(weeks, Months(weeks),
            facts.Studied.Keys.Count(d => d <= facts.Today && d >= facts.StartDate),
            facts.Rested.Count(d => d <= facts.Today && d >= facts.StartDate && !facts.Studied.ContainsKey(d)),
            planDates.Count(k => k == CalendarDayKind.Missed),
            planDates.Count(k => k == CalendarDayKind.Free),
            overdue ? facts.Deadline.AddDays(1) : null,
            overdue ? facts.Today.DayNumber - facts.Deadline.DayNumber : 0,
            years, year);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>"Thu, Apr 30: studied, 1 hr"</summary>
    public static string Describe(CalendarDay day)
    {
        var what = day.Kind switch
        {
            CalendarDayKind.Studied => day.Minutes is { } m ? $"studied, {Display.Duration(m)}" : "studied",
            CalendarDayKind.Rested => "rest day",
            CalendarDayKind.Missed => "missed",
            CalendarDayKind.Free => "free (the plan's slack)",
            CalendarDayKind.PastPlan => "past the plan",
            CalendarDayKind.Pending => "today, nothing logged yet",
            CalendarDayKind.Upcoming => "ahead in the plan",
            _ => "outside the plan",
        };
        return $"{Display.ShortDate(day.Date)}{(day.IsToday && day.Kind != CalendarDayKind.Pending ? " (today)" : "")}: {what}";
    }

    private static CalendarDay Day(DateOnly date, CalendarFacts facts)
    {
        var kind = Classify(date, facts);
        var minutes = facts.Studied.GetValueOrDefault(date);
        return new CalendarDay(date, kind, kind == CalendarDayKind.Studied ? Level(minutes, facts.MinutesPerDay) : 0, date == facts.Today, minutes);
    }

    /// <summary>A month's name over the first week that holds its 1st; the first week is named too, unless a name follows too closely.</summary>
    private static List<MonthLabel> Months(List<IReadOnlyList<CalendarDay>> weeks) => MonthLabels([.. weeks.Select(w => w[0].Date)]);

    /// <summary>A month's name over the week that holds its 1st (and over the first week, unless a name follows soon).</summary>
    public static List<MonthLabel> MonthLabels(IReadOnlyList<DateOnly> mondays)
    {
        var labels = new List<MonthLabel>();
        for (var w = 0; w < mondays.Count; w++)
        {
            var first = Enumerable.Range(0, 7).Select(i => mondays[w].AddDays(i)).Where(d => d.Day == 1).Cast<DateOnly?>().FirstOrDefault();
            if (first is { } date) labels.Add(new MonthLabel(w, MonthName(date)));
        }
        if (labels.Count == 0 || labels[0].Week >= 3) labels.Insert(0, new MonthLabel(0, MonthName(mondays[0])));
        return labels;
    }

    private static string MonthName(DateOnly date) => date.ToString("MMM", CultureInfo.InvariantCulture);

    /// <summary>Monday 0 … Sunday 6.</summary>
    private static int Weekday(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;
}
