using Journal.Contracts;
using Journal.Notebooks.Progress;

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

/// <summary>
/// The write model: only what command decisions need, read from the notebook's stored progress, which the
/// commands load under the stream lock (one document per notebook serves both sides).
/// </summary>
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

    public static Notebook From(NotebookProgress progress) => new()
    {
        Id = progress.Id,
        Version = progress.Version,
        Status = progress.Status,
        Plan = progress.Plan,
        StartDate = progress.StartDate,
        TimeZone = progress.TimeZone,
        DayStartsAt = progress.DayStartsAt,
        LoggedDates = [.. progress.Days.Select(d => d.Date)],
        SkippedDates = [.. progress.Skips.Select(s => s.Date)],
    };

    /// <summary>Day number of a logged date: its rank among the logged dates, Day 1 the earliest.</summary>
    public int DayNumberOf(DateOnly date) => LoggedDates.Count(d => d <= date);
}
