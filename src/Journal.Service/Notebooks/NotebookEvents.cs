using Journal.Contracts;

namespace Journal.Notebooks;

// Events: past-tense facts, each carrying what was decided, so a replay needs nothing but the stream.

public sealed record NotebookStarted(
    Guid NotebookId, string Title, string? Spark, Plan Plan, DateOnly StartDate, string TimeZone, TimeOnly DayStartsAt);

/// <param name="RecordedOn">The notebook's local date when the entry was recorded.</param>
/// <param name="Backfilled">The entry's date is earlier than <paramref name="RecordedOn"/>.</param>
/// <param name="SupersededSkip">The date had been skipped; the entry replaces the skip.</param>
public sealed record DayLogged(
    DateOnly Date, string Title, string? Summary, string? Entry, int? Minutes,
    DateOnly RecordedOn, bool Backfilled, bool SupersededSkip) : IDayEvent;

public sealed record DayRevised(DateOnly Date, string Title, string? Summary, string? Entry, int? Minutes) : IDayEvent;

public sealed record DayRetracted(DateOnly Date) : IDayEvent;

/// <param name="Late">Recorded after its date had passed.</param>
public sealed record DaySkipped(DateOnly Date, string? Reason, DateOnly RecordedOn, bool Late) : IDayEvent;

public sealed record SkipCancelled(DateOnly Date) : IDayEvent;

public sealed record PlanChanged(Plan Plan);

public sealed record TimeZoneChanged(string TimeZone, TimeOnly DayStartsAt);

/// <summary>Logged days reached the plan; appended in the same transaction as the change that got there.</summary>
public sealed record NotebookCompleted(int DaysLogged, int PlannedDays);

/// <summary>A completed notebook fell below its plan again (a retraction or a bigger plan).</summary>
public sealed record NotebookReopened(int DaysLogged, int PlannedDays);

public sealed record NotebookAbandoned(string? Reason);

public sealed record NotebookResumed;

/// <summary>An event about one local date of the notebook: time travel "on a date" keeps it when its date has come.</summary>
public interface IDayEvent
{
#pragma warning disable CA1716 // "Date" is what every event calls it; no other .NET language implements these events
    DateOnly Date { get; }
#pragma warning restore CA1716
}

public static class NotebookEvents
{
    /// <summary>
    /// Stored event names, fixed here once: renaming or moving a class never breaks a stream.
    /// Never change a name on the right; add new events with new names (and a case in
    /// <see cref="Progress.NotebookProgressProjection.Evolve"/>, which a test checks for every name here).
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(NotebookStarted)] = "notebook_started",
        [typeof(DayLogged)] = "day_logged",
        [typeof(DayRevised)] = "day_revised",
        [typeof(DayRetracted)] = "day_retracted",
        [typeof(DaySkipped)] = "day_skipped",
        [typeof(SkipCancelled)] = "skip_cancelled",
        [typeof(PlanChanged)] = "plan_changed",
        [typeof(TimeZoneChanged)] = "time_zone_changed",
        [typeof(NotebookCompleted)] = "notebook_completed",
        [typeof(NotebookReopened)] = "notebook_reopened",
        [typeof(NotebookAbandoned)] = "notebook_abandoned",
        [typeof(NotebookResumed)] = "notebook_resumed",
    };
}
