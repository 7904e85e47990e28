using Journal.Contracts;
using Journal.Notebooks.Rules;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Journal.Notebooks.Progress;

/// <summary>
/// The stored progress of one notebook, kept in step with its stream by <see cref="NotebookProgressProjection"/>.
/// Figures that depend on today (current streak, pace) are not stored: <see cref="ProgressView"/> adds them when read.
/// </summary>
public sealed class NotebookProgress
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Title { get; set; } = "";
    public string? Spark { get; set; }
    public NotebookStatus Status { get; set; }
    public Plan Plan { get; set; } = new(1, 1);
    public DateOnly StartDate { get; set; }
    public DateOnly Deadline { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public TimeOnly DayStartsAt { get; set; }
    public int DaysLogged { get; set; }
    public int DaysSkipped { get; set; }
    public int MinutesStudied { get; set; }
    public int LongestStreak { get; set; }
    public DateOnly? LastStudiedOn { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Logged days in date order.</summary>
    public List<ProgressDay> Days { get; set; } = [];

    /// <summary>Rest days in date order; never a date that has an entry.</summary>
    public List<ProgressSkip> Skips { get; set; } = [];
}

/// <summary>
/// An event's recorded time as the database keeps it (whole microseconds): the in-memory timestamp of a
/// fresh append has 100 ns ticks, and a replay must give the very same value as the live projection.
/// </summary>
public static class EventTimes
{
    public static DateTimeOffset Of(IEvent e) => e.Timestamp.AddTicks(-(e.Timestamp.Ticks % 10));
}

public sealed record ProgressDay(DateOnly Date, string Title, string? Summary, int? Minutes, bool Backfilled);

public sealed record ProgressSkip(DateOnly Date, string? Reason, bool Late);

/// <summary>Folds a notebook's events into its <see cref="NotebookProgress"/>; inline, in the command's transaction.</summary>
public sealed partial class NotebookProgressProjection : SingleStreamProjection<NotebookProgress, Guid>
{
    public static NotebookProgress Create(IEvent<NotebookStarted> e) => Touched(new NotebookProgress
    {
        Id = e.Data.NotebookId,
        Title = e.Data.Title,
        Spark = e.Data.Spark,
        Status = NotebookStatus.InProgress,
        Plan = e.Data.Plan,
        StartDate = e.Data.StartDate,
        TimeZone = e.Data.TimeZone,
        DayStartsAt = e.Data.DayStartsAt,
    }, e);

    public static NotebookProgress Apply(IEvent<DayLogged> e, NotebookProgress p)
    {
        var day = e.Data;
        p.Skips.RemoveAll(s => s.Date == day.Date);
        p.Days.RemoveAll(d => d.Date == day.Date);
        p.Days.Add(new ProgressDay(day.Date, day.Title, day.Summary, day.Minutes, day.Backfilled));
        p.Days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<DayRevised> e, NotebookProgress p)
    {
        var index = p.Days.FindIndex(d => d.Date == e.Data.Date);
        if (index >= 0)
            p.Days[index] = p.Days[index] with { Title = e.Data.Title, Summary = e.Data.Summary, Minutes = e.Data.Minutes };
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<DayRetracted> e, NotebookProgress p)
    {
        p.Days.RemoveAll(d => d.Date == e.Data.Date);
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<DaySkipped> e, NotebookProgress p)
    {
        p.Skips.RemoveAll(s => s.Date == e.Data.Date);
        p.Skips.Add(new ProgressSkip(e.Data.Date, e.Data.Reason, e.Data.Late));
        p.Skips.Sort((a, b) => a.Date.CompareTo(b.Date));
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<SkipCancelled> e, NotebookProgress p)
    {
        p.Skips.RemoveAll(s => s.Date == e.Data.Date);
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<PlanChanged> e, NotebookProgress p)
    {
        p.Plan = e.Data.Plan;
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<TimeZoneChanged> e, NotebookProgress p)
    {
        p.TimeZone = e.Data.TimeZone;
        p.DayStartsAt = e.Data.DayStartsAt;
        return Touched(p, e);
    }

    public static NotebookProgress Apply(IEvent<NotebookCompleted> e, NotebookProgress p) => WithStatus(p, NotebookStatus.Completed, e);
    public static NotebookProgress Apply(IEvent<NotebookReopened> e, NotebookProgress p) => WithStatus(p, NotebookStatus.InProgress, e);
    public static NotebookProgress Apply(IEvent<NotebookAbandoned> e, NotebookProgress p) => WithStatus(p, NotebookStatus.Abandoned, e);
    public static NotebookProgress Apply(IEvent<NotebookResumed> e, NotebookProgress p) => WithStatus(p, NotebookStatus.InProgress, e);

    private static NotebookProgress WithStatus(NotebookProgress p, NotebookStatus status, IEvent e)
    {
        p.Status = status;
        return Touched(p, e);
    }

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
        p.LongestStreak = Streaks.Summarize(p.Days.Select(d => d.Date), p.Skips.Select(s => s.Date), DateOnly.MaxValue).Longest;
        return p;
    }
}
