using System.Globalization;
using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Progress;

/// <summary>Turns stored progress into the API's view, adding the figures that depend on today. Pure.</summary>
public static class ProgressView
{
    public static DateOnly Today(NotebookProgress p, DateTimeOffset now) => LocalDates.Today(now, p.TimeZone, p.DayStartsAt);

    public static string ProgressText(int daysLogged, int plannedDays) =>
        string.Create(CultureInfo.InvariantCulture, $"{daysLogged} / {plannedDays} days");

    public static int CurrentStreak(NotebookProgress p, DateOnly today) =>
        Streaks.Lengths(p.Days.Select(d => d.Date), p.Skips.Select(s => s.Date), today).Current;

    /// <summary>The day cards an API answer carries unless asked for more or fewer: the most recent ones.</summary>
    public const int DefaultDays = 30;

    /// <summary>The dates of the <paramref name="days"/> most recent logged days: the cards a view shows.</summary>
    public static IEnumerable<DateOnly> Shown(NotebookProgress p, int days) => p.Days.TakeLast(days).Select(d => d.Date);

    /// <param name="texts">The shown days' titles and summaries (<see cref="DayTexts"/>).</param>
    /// <param name="days">How many day cards, the most recent; every one by default.</param>
    public static NotebookProgressResponse Build(NotebookProgress p, DateOnly today, IReadOnlyDictionary<DateOnly, DayText> texts, int days = int.MaxValue)
    {
        var pace = Pace.Summarize(p.Plan.Days, p.Plan.SpanDays, p.StartDate, today, p.DaysLogged);
        // The status, once recorded, speaks for itself (a version between a plan change and its reopening).
        var state = p.Status == NotebookStatus.Completed ? PaceState.Completed : pace.State;
        return new NotebookProgressResponse(
            p.Id, p.Title, p.Spark, p.Status.ToString(), p.Plan, p.StartDate, p.Deadline, p.TimeZone, p.DayStartsAt,
            p.DaysLogged, p.DaysSkipped, p.MinutesStudied, ProgressText(p.DaysLogged, p.Plan.Days),
            CurrentStreak(p, today), p.LongestStreak, p.LastStudiedOn,
            new PaceResponse(state.ToString(), pace.ExpectedByToday),
            [.. DayNumbers.InOrder(p.Days).TakeLast(days).Select(x =>
            {
                var text = texts.Of(x.Day.Date);
                return new DaySummary(x.Number, x.Day.Date, text.Title, text.Summary, x.Day.Minutes, x.Day.Backfilled);
            })],
            [.. p.Skips.Select(s => new SkipSummary(s.Date, s.Reason, s.Late))],
            p.Version);
    }

    public static NotebookIndexItem IndexItem(NotebookProgress p, DateOnly today) =>
        new(p.Id, p.Title, p.Status.ToString(), p.DaysLogged, p.Plan.Days, ProgressText(p.DaysLogged, p.Plan.Days),
            p.StartDate, p.LastStudiedOn, p.LastActivityAt, CurrentStreak(p, today));
}
