using Journal.Contracts;

namespace Journal.Notebooks;

// Events: past-tense facts, each carrying what was decided, so a replay needs nothing but the stream.
// Their stored names are fixed in NotebookEvents.Register: renaming a class never breaks a stream.

public sealed record NotebookStarted(
    Guid NotebookId, string Title, string? Spark, Plan Plan, DateOnly StartDate, string TimeZone, TimeOnly DayStartsAt);

/// <param name="RecordedOn">The notebook's local date when the entry was recorded.</param>
/// <param name="Backfilled">The entry's date is earlier than <paramref name="RecordedOn"/>.</param>
/// <param name="SupersededSkip">The date had been skipped; the entry replaces the skip.</param>
public sealed record DayLogged(
    DateOnly Date, string Title, string? Summary, string? Entry, int? Minutes,
    DateOnly RecordedOn, bool Backfilled, bool SupersededSkip);

public sealed record DayRevised(DateOnly Date, string Title, string? Summary, string? Entry, int? Minutes);

public sealed record DayRetracted(DateOnly Date);

/// <param name="Late">Recorded after its date had passed.</param>
public sealed record DaySkipped(DateOnly Date, string? Reason, DateOnly RecordedOn, bool Late);

public sealed record SkipCancelled(DateOnly Date);

public sealed record PlanChanged(Plan Plan);

public sealed record TimeZoneChanged(string TimeZone, TimeOnly DayStartsAt);

/// <summary>Logged days reached the plan; appended in the same transaction as the change that got there.</summary>
public sealed record NotebookCompleted(int DaysLogged, int PlannedDays);

/// <summary>A completed notebook fell below its plan again (a retraction or a bigger plan).</summary>
public sealed record NotebookReopened(int DaysLogged, int PlannedDays);

public sealed record NotebookAbandoned(string? Reason);

public sealed record NotebookResumed;

public enum NotebookStatus { InProgress, Completed, Abandoned }

/// <summary>The write model: only what command decisions need. Kept as an inline snapshot.</summary>
public sealed class Notebook
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public NotebookStatus Status { get; set; }
    public Plan Plan { get; set; } = new(1, 1);
    public DateOnly StartDate { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public TimeOnly DayStartsAt { get; set; }
    public HashSet<DateOnly> LoggedDates { get; set; } = [];
    public HashSet<DateOnly> SkippedDates { get; set; } = [];

    public static Notebook Create(NotebookStarted e) => new()
    {
        Id = e.NotebookId,
        Status = NotebookStatus.InProgress,
        Plan = e.Plan,
        StartDate = e.StartDate,
        TimeZone = e.TimeZone,
        DayStartsAt = e.DayStartsAt,
    };

    public void Apply(DayLogged e)
    {
        LoggedDates.Add(e.Date);
        SkippedDates.Remove(e.Date);
    }

    public void Apply(DayRetracted e) => LoggedDates.Remove(e.Date);
    public void Apply(DaySkipped e) => SkippedDates.Add(e.Date);
    public void Apply(SkipCancelled e) => SkippedDates.Remove(e.Date);
    public void Apply(PlanChanged e) => Plan = e.Plan;

    public void Apply(TimeZoneChanged e)
    {
        TimeZone = e.TimeZone;
        DayStartsAt = e.DayStartsAt;
    }

    public void Apply(NotebookCompleted _) => Status = NotebookStatus.Completed;
    public void Apply(NotebookReopened _) => Status = NotebookStatus.InProgress;
    public void Apply(NotebookAbandoned _) => Status = NotebookStatus.Abandoned;
    public void Apply(NotebookResumed _) => Status = NotebookStatus.InProgress;

    /// <summary>Day number of a logged date: its rank among the logged dates, Day 1 the earliest.</summary>
    public int DayNumberOf(DateOnly date) => LoggedDates.Count(d => d <= date);
}
