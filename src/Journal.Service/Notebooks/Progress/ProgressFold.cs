using JasperFx.Events;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Progress;

/// <summary>
/// Folds any sequence of a notebook's events into <see cref="NotebookProgress"/> with the projection's own
/// <see cref="NotebookProgressProjection.After"/>: the one implementation behind time travel and audit.
/// </summary>
public static class ProgressFold
{
    public static NotebookProgress? Fold(IEnumerable<IEvent> events) =>
        events.Aggregate((NotebookProgress?)null, NotebookProgressProjection.After);

    /// <summary>
    /// The notebook as of a local date: every fact dated on or before it, whatever its recording time.
    /// Day facts are dated by their day; other changes by the local date they were recorded on. Completion
    /// follows from the facts kept (a backfill recorded later can complete the notebook on an earlier date).
    /// </summary>
    public static NotebookProgress? FoldOn(IReadOnlyList<IEvent> events, DateOnly on)
    {
        var p = Fold(KeptOn(events, on));
        if (p is not null && p.Status != NotebookStatus.Abandoned)
            p.Status = Completion.Reached(p.DaysLogged, p.Plan.Days) ? NotebookStatus.Completed : NotebookStatus.InProgress;
        return p;
    }

    /// <summary>The events <see cref="FoldOn"/> folds: the facts dated on or before <paramref name="on"/>, completion left to the fold.</summary>
    public static IReadOnlyList<IEvent> KeptOn(IReadOnlyList<IEvent> events, DateOnly on)
    {
        var (zone, dayStartsAt) = ("UTC", TimeOnly.MinValue);
        var kept = new List<IEvent>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case NotebookStarted s:
                    (zone, dayStartsAt) = (s.TimeZone, s.DayStartsAt);
                    kept.Add(e);
                    break;
                case NotebookCompleted or NotebookReopened:
                    break;
                default:
                    var dated = e.Data is IDayEvent day ? day.Date : LocalDates.Today(e.Timestamp, zone, dayStartsAt);
                    if (dated <= on) kept.Add(e);
                    if (e.Data is TimeZoneChanged z) (zone, dayStartsAt) = (z.TimeZone, z.DayStartsAt);
                    break;
            }
        }
        return kept;
    }
}
