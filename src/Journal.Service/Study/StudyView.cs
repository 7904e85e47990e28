using System.Globalization;
using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Study;

/// <summary>The account-wide figures from the projected facts (domain.md, "The account-wide study view").</summary>
public static class StudyView
{
    public static StudyResponse Build(AccountStudy? study, DateTimeOffset now, long asOfSequence, long latestSequence)
    {
        study ??= new AccountStudy();
        // The most recently started first; started at the same instant, the later event (they are kept in event order).
        var notebooksNewestFirst = study.Notebooks.Select((n, i) => (Notebook: n, Order: i))
            .OrderByDescending(n => n.Notebook.StartedAt).ThenByDescending(n => n.Order).Select(n => n.Notebook).ToList();
        var newest = notebooksNewestFirst.FirstOrDefault();
        var (zone, dayStartsAt) = newest is null ? ("UTC", TimeOnly.MinValue) : (newest.TimeZone, newest.DayStartsAt);
        var today = LocalDates.Today(now, zone, dayStartsAt);

        var studied = study.Entries.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => (Entries: g.Count(), Minutes: g.Sum(e => e.Minutes)));
        var rested = study.RestDays.Select(r => r.Date).Where(d => !studied.ContainsKey(d)).ToHashSet();
        var streaks = Streaks.Summarize(studied.Keys, rested, today);

        var days = studied.Select(s => new StudyDay(s.Key, s.Value.Entries, s.Value.Minutes, Rested: false))
            .Concat(rested.Select(d => new StudyDay(d, 0, 0, Rested: true)))
            .OrderBy(d => d.Date)
            .ToList();
        var weeks = study.Entries
            .GroupBy(e => (Year: ISOWeek.GetYear(e.Date.ToDateTime(TimeOnly.MinValue)), Week: ISOWeek.GetWeekOfYear(e.Date.ToDateTime(TimeOnly.MinValue))))
            .Select(g => new StudyWeek(
                string.Create(CultureInfo.InvariantCulture, $"{g.Key.Year}-W{g.Key.Week:00}"),
                DateOnly.FromDateTime(ISOWeek.ToDateTime(g.Key.Year, g.Key.Week, DayOfWeek.Monday)),
                g.Sum(e => e.Minutes)))
            .OrderBy(w => w.Starts)
            .ToList();
        var notebooks = notebooksNewestFirst
            .Select(n => new StudyNotebookTotals(n.Id, n.Title,
                study.Entries.Count(e => e.NotebookId == n.Id),
                study.Entries.Where(e => e.NotebookId == n.Id).Sum(e => e.Minutes),
                study.RestDays.Count(r => r.NotebookId == n.Id)))
            .ToList();

        return new StudyResponse(zone, today, study.Entries.Count, studied.Count, rested.Count, study.Entries.Sum(e => e.Minutes),
            streaks.Current, streaks.Longest, days, weeks, notebooks,
            asOfSequence, latestSequence, Updating: asOfSequence < latestSequence);
    }
}
