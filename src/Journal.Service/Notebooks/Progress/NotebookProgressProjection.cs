using JasperFx.Events;
using Journal.Notebooks.Rules;
using Marten.Events.Aggregation;

namespace Journal.Notebooks.Progress;

/// <summary>
/// Folds a notebook's events into its <see cref="NotebookProgress"/>: inline, in the command's transaction, and
/// for every view of the past (<see cref="ProgressFold"/>). One switch over every event type in
/// <see cref="NotebookEvents.Names"/>; an event type missing here fails loudly (and a test checks each one).
/// </summary>
public sealed class NotebookProgressProjection : SingleStreamProjection<NotebookProgress, Guid>
{
    public NotebookProgressProjection()
    {
        foreach (var type in NotebookEvents.Names.Keys) IncludeType(type);
    }

    public override NotebookProgress? Evolve(NotebookProgress? snapshot, Guid id, IEvent e) => After(snapshot, e);

    /// <summary>The notebook after <paramref name="e"/>; null while nothing has started it.</summary>
    public static NotebookProgress? After(NotebookProgress? p, IEvent e)
    {
        if (e.Data is NotebookStarted started) return Touched(Start(started), e);
        if (p is null) return null;
        switch (e.Data)
        {
            case DayLogged day:
                p.Skips.RemoveAll(s => s.Date == day.Date);
                p.Days.RemoveAll(d => d.Date == day.Date);
                p.Days.Add(new ProgressDay(day.Date, day.Minutes, day.Backfilled));
                p.Days.Sort((a, b) => a.Date.CompareTo(b.Date));
                break;
            case DayRevised revised:
                var index = p.Days.FindIndex(d => d.Date == revised.Date);
                if (index >= 0) p.Days[index] = p.Days[index] with { Minutes = revised.Minutes };
                break;
            case DayRetracted retracted:
                p.Days.RemoveAll(d => d.Date == retracted.Date);
                break;
            case DaySkipped skipped:
                p.Skips.RemoveAll(s => s.Date == skipped.Date);
                p.Skips.Add(new ProgressSkip(skipped.Date, skipped.Reason, skipped.Late));
                p.Skips.Sort((a, b) => a.Date.CompareTo(b.Date));
                break;
            case SkipCancelled cancelled:
                p.Skips.RemoveAll(s => s.Date == cancelled.Date);
                break;
            case PlanChanged changed:
                p.Plan = changed.Plan;
                break;
            case TimeZoneChanged zone:
                (p.TimeZone, p.DayStartsAt) = (zone.TimeZone, zone.DayStartsAt);
                break;
            case NotebookCompleted:
                p.Status = NotebookStatus.Completed;
                break;
            case NotebookReopened or NotebookResumed:
                p.Status = NotebookStatus.InProgress;
                break;
            case NotebookAbandoned:
                p.Status = NotebookStatus.Abandoned;
                break;
            default:
                throw new InvalidOperationException($"{e.Data.GetType().Name} is not folded into a notebook's progress: add it to {nameof(NotebookProgressProjection)}.");
        }
        return Touched(p, e);
    }

    private static NotebookProgress Start(NotebookStarted started) => new()
    {
        Id = started.NotebookId,
        Title = started.Title,
        Spark = started.Spark,
        Status = NotebookStatus.InProgress,
        Plan = started.Plan,
        StartDate = started.StartDate,
        TimeZone = started.TimeZone,
        DayStartsAt = started.DayStartsAt,
    };

    /// <summary>Every event: the version and activity time, and the figures derived from the lists.</summary>
    private static NotebookProgress Touched(NotebookProgress p, IEvent e)
    {
        p.Version = e.Version;
        p.LastActivityAt = EventTimes.Of(e);
        p.Deadline = Pace.Deadline(p.StartDate, p.Plan.SpanDays);
        p.DaysLogged = p.Days.Count;
        p.DaysSkipped = p.Skips.Count;
        p.MinutesStudied = p.Days.Sum(d => d.Minutes ?? 0);
        p.LastStudiedOn = p.Days.Count > 0 ? p.Days[^1].Date : null;
        // Entries are never dated after the day they were logged, so the longest run does not depend on today.
        p.LongestStreak = Streaks.Lengths(p.Days.Select(d => d.Date), p.Skips.Select(s => s.Date), DateOnly.MaxValue).Longest;
        return p;
    }
}
