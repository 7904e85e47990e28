using System.Text.Json.Serialization;
using Journal.Contracts;

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

    /// <summary>Logged days in date order: dates and minutes only, so that the document stays small in a long notebook.</summary>
    public List<ProgressDay> Days { get; set; } = [];

    /// <summary>Rest days in date order; never a date that has an entry.</summary>
    public List<ProgressSkip> Skips { get; set; } = [];
}

/// <summary>A logged day as the rules see it; its title and summary live in its <see cref="Days.DayEntry"/> (<see cref="DayTexts"/>).</summary>
[JsonConverter(typeof(ProgressDayJson))]
public sealed record ProgressDay(DateOnly Date, int? Minutes, bool Backfilled);

public sealed record ProgressSkip(DateOnly Date, string? Reason, bool Late);
