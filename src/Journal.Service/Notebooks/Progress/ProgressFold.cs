using JasperFx.Events;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Progress;

/// <summary>
/// Folds any sequence of a notebook's events into <see cref="NotebookProgress"/> with the projection's own
/// Create and Apply methods: the one implementation behind time travel and audit.
/// </summary>
public static class ProgressFold
{
    public static NotebookProgress? Fold(IEnumerable<IEvent> events)
    {
        NotebookProgress? p = null;
        foreach (var e in events)
        {
            p = e switch
            {
                IEvent<NotebookStarted> started => NotebookProgressProjection.Create(started),
                _ when p is null => null,
                IEvent<DayLogged> x => NotebookProgressProjection.Apply(x, p),
                IEvent<DayRevised> x => NotebookProgressProjection.Apply(x, p),
                IEvent<DayRetracted> x => NotebookProgressProjection.Apply(x, p),
                IEvent<DaySkipped> x => NotebookProgressProjection.Apply(x, p),
                IEvent<SkipCancelled> x => NotebookProgressProjection.Apply(x, p),
                IEvent<PlanChanged> x => NotebookProgressProjection.Apply(x, p),
                IEvent<TimeZoneChanged> x => NotebookProgressProjection.Apply(x, p),
                IEvent<NotebookCompleted> x => NotebookProgressProjection.Apply(x, p),
                IEvent<NotebookReopened> x => NotebookProgressProjection.Apply(x, p),
                IEvent<NotebookAbandoned> x => NotebookProgressProjection.Apply(x, p),
                IEvent<NotebookResumed> x => NotebookProgressProjection.Apply(x, p),
                _ => p,
            };
        }
        return p;
    }

    /// <summary>
    /// The notebook as of a local date: every fact dated on or before it, whatever its recording time.
    /// Day facts are dated by their day; other changes by the local date they were recorded on. Completion
    /// follows from the facts kept (a backfill recorded later can complete the notebook on an earlier date).
    /// </summary>
    public static NotebookProgress? FoldOn(IReadOnlyList<IEvent> events, DateOnly on)
    {
        var zone = TimeZoneInfo.Utc;
        var dayStartsAt = TimeOnly.MinValue;
        var kept = new List<IEvent>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case NotebookStarted s:
                    (zone, dayStartsAt) = (TimeZones.Get(s.TimeZone), s.DayStartsAt);
                    kept.Add(e);
                    break;
                case NotebookCompleted or NotebookReopened:
                    break;
                default:
                    if ((DayOf(e.Data) ?? LocalDates.Today(e.Timestamp, zone, dayStartsAt)) <= on) kept.Add(e);
                    if (e.Data is TimeZoneChanged z) (zone, dayStartsAt) = (TimeZones.Get(z.TimeZone), z.DayStartsAt);
                    break;
            }
        }
        var p = Fold(kept);
        if (p is not null && p.Status != NotebookStatus.Abandoned)
            p.Status = p.DaysLogged >= p.Plan.Days ? NotebookStatus.Completed : NotebookStatus.InProgress;
        return p;
    }

    private static DateOnly? DayOf(object data) => data switch
    {
        DayLogged d => d.Date,
        DayRevised d => d.Date,
        DayRetracted d => d.Date,
        DaySkipped d => d.Date,
        SkipCancelled d => d.Date,
        _ => null,
    };
}
