namespace Journal.Study;

/// <summary>
/// One account's study across all its notebooks, projected asynchronously from every notebook's events (one document
/// per account, stored in the account's tenant under the account's id). It keeps facts only; the figures that depend on
/// today (streaks, the calendar) are computed when read (<see cref="StudyView"/>).
/// </summary>
public sealed class AccountStudy
{
    /// <summary>The account's id (its tenant id).</summary>
    public string Id { get; set; } = "";

    public List<StudyNotebook> Notebooks { get; set; } = [];
    public List<StudyEntry> Entries { get; set; } = [];
    public List<StudyRest> RestDays { get; set; } = [];

    /// <summary>The sequence of the newest event applied to this document.</summary>
    public long LastSequence { get; set; }
}

/// <param name="StartedAt">When the notebook was started (its first event's timestamp): the newest one's zone is the account's.</param>
public sealed record StudyNotebook(Guid Id, string Title, string TimeZone, TimeOnly DayStartsAt, DateTimeOffset StartedAt);

public sealed record StudyEntry(Guid NotebookId, DateOnly Date, int Minutes);

public sealed record StudyRest(Guid NotebookId, DateOnly Date);
