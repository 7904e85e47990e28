using Journal.Contracts;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks;

/// <summary>
/// The write model: only what command decisions need, read from the notebook's stored progress, which the
/// commands load under the stream lock (one document per notebook serves both sides).
/// </summary>
public sealed class Notebook
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public NotebookStatus Status { get; init; }
    public Plan Plan { get; init; } = new(1, 1);
    public DateOnly StartDate { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public TimeOnly DayStartsAt { get; init; }
    public IReadOnlySet<DateOnly> LoggedDates { get; init; } = new HashSet<DateOnly>();
    public IReadOnlySet<DateOnly> SkippedDates { get; init; } = new HashSet<DateOnly>();

    public static Notebook From(NotebookProgress progress) => new()
    {
        Id = progress.Id,
        Version = progress.Version,
        Status = progress.Status,
        Plan = progress.Plan,
        StartDate = progress.StartDate,
        TimeZone = progress.TimeZone,
        DayStartsAt = progress.DayStartsAt,
        LoggedDates = progress.Days.Select(d => d.Date).ToHashSet(),
        SkippedDates = progress.Skips.Select(s => s.Date).ToHashSet(),
    };

    /// <summary>The notebook's local date at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => LocalDates.Today(now, TimeZone, DayStartsAt);

    /// <summary>The day number <paramref name="date"/> has, or would have once logged.</summary>
    public int DayNumberOf(DateOnly date) => DayNumbers.Of(date, LoggedDates);

    /// <summary>The status events a change in logged days or plan brings with it, appended in the same transaction.</summary>
    public IEnumerable<object> StatusAfter(int daysLogged, int plannedDays)
    {
        var complete = Completion.Reached(daysLogged, plannedDays);
        if (Status == NotebookStatus.InProgress && complete)
            yield return new NotebookCompleted(daysLogged, plannedDays);
        else if (Status == NotebookStatus.Completed && !complete)
            yield return new NotebookReopened(daysLogged, plannedDays);
    }

    /// <summary>Entries and rest days are recorded only while the notebook is in progress.</summary>
    public Refusal? RefusesNewDays() => Status switch
    {
        NotebookStatus.Completed => Refusals.Conflict(Refusals.NotebookCompleted,
            $"The notebook is completed ({LoggedDates.Count} / {Plan.Days} days); raise the plan to log more."),
        NotebookStatus.Abandoned => RefusesChanges(),
        _ => null,
    };

    /// <summary>An abandoned notebook takes no change but resuming.</summary>
    public Refusal? RefusesChanges() =>
        Status == NotebookStatus.Abandoned
            ? Refusals.Conflict(Refusals.NotebookAbandoned, "The notebook is abandoned; resume it first.")
            : null;
}
