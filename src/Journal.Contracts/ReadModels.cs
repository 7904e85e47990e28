namespace Journal.Contracts;

/// <summary>GET /api/notebooks/{id}: the notebook's progress, with the figures that depend on today computed when read.</summary>
/// <param name="Days">The most recent day cards in date order (30 unless the request's <c>days</c> asks for more or fewer; a
/// shared notebook's answer has every one); <paramref name="DaysLogged"/> counts them all.</param>
public sealed record NotebookProgressResponse(
    Guid Id,
    string Title,
    string? Spark,
    string Status,
    Plan Plan,
    DateOnly StartDate,
    DateOnly Deadline,
    string TimeZone,
    TimeOnly DayStartsAt,
    int DaysLogged,
    int DaysSkipped,
    int MinutesStudied,
    string Progress,
    int CurrentStreak,
    int LongestStreak,
    DateOnly? LastStudiedOn,
    PaceResponse Pace,
    IReadOnlyList<DaySummary> Days,
    IReadOnlyList<SkipSummary> Skips,
    long Version)
{
    // Records with lists compare by reference; compare by content so whole responses can be compared.
    public bool Equals(NotebookProgressResponse? other) =>
        other is not null
        && (Id, Title, Spark, Status, Plan, StartDate, Deadline, TimeZone, DayStartsAt) ==
           (other.Id, other.Title, other.Spark, other.Status, other.Plan, other.StartDate, other.Deadline, other.TimeZone, other.DayStartsAt)
        && (DaysLogged, DaysSkipped, MinutesStudied, Progress, CurrentStreak, LongestStreak, LastStudiedOn, Pace, Version) ==
           (other.DaysLogged, other.DaysSkipped, other.MinutesStudied, other.Progress, other.CurrentStreak, other.LongestStreak, other.LastStudiedOn, other.Pace, other.Version)
        && Days.SequenceEqual(other.Days)
        && Skips.SequenceEqual(other.Skips);

    public override int GetHashCode() => HashCode.Combine(Id, Version);
}

/// <param name="State">Completed, Ahead, OnTrack, Behind or Overdue.</param>
public sealed record PaceResponse(string State, int ExpectedByToday);

public sealed record DaySummary(int DayNumber, DateOnly Date, string Title, string? Summary, int? Minutes, bool Backfilled);

public sealed record SkipSummary(DateOnly Date, string? Reason, bool Late);

/// <summary>GET /api/notebooks: one page of the All Notebooks index, most recent activity first.</summary>
public sealed record NotebookIndexResponse(IReadOnlyList<NotebookIndexItem> Items, int Page, int PageSize, long Total)
{
    public bool Equals(NotebookIndexResponse? other) =>
        other is not null && (Page, PageSize, Total) == (other.Page, other.PageSize, other.Total) && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Page, PageSize, Total);
}

public sealed record NotebookIndexItem(
    Guid Id,
    string Title,
    string Status,
    int DaysLogged,
    int PlannedDays,
    string Progress,
    DateOnly StartDate,
    DateOnly? LastStudiedOn,
    DateTimeOffset LastActivityAt,
    int CurrentStreak);

/// <summary>GET /api/notebooks/{id}/days/{date}: the full entry behind "Read more".</summary>
public sealed record DayPageResponse(
    int DayNumber,
    DateOnly Date,
    string Title,
    string? Summary,
    string? Entry,
    int? Minutes,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RevisedAt,
    bool Backfilled);
