namespace Journal.Contracts;

/// <summary>
/// GET /api/me/study: the account's study across all its notebooks. Eventually consistent: it reflects the events up
/// to <paramref name="AsOfSequence"/>; while that is behind <paramref name="LatestSequence"/> it is still updating.
/// </summary>
/// <param name="TimeZone">The zone the dates are counted in: the most recently started notebook's.</param>
/// <param name="Today">Today in that zone (at that notebook's day start).</param>
/// <param name="Entries">Day entries across all notebooks (two notebooks on one date are two entries).</param>
/// <param name="StudiedDays">Dates on which any notebook has an entry.</param>
/// <param name="RestDays">Dates no notebook has an entry on and at least one skipped.</param>
/// <param name="Days">Every date with an entry or a rest day, oldest first.</param>
/// <param name="MinutesByWeek">Minutes per ISO week (every entry's minutes), oldest first, weeks with entries only.</param>
/// <param name="Notebooks">Totals by notebook, the most recently started first.</param>
/// <param name="AsOfSequence">The newest event sequence this view reflects (every earlier event is in it).</param>
/// <param name="LatestSequence">The newest event sequence in the store.</param>
public sealed record StudyResponse(
    string TimeZone,
    DateOnly Today,
    int Entries,
    int StudiedDays,
    int RestDays,
    int MinutesStudied,
    int CurrentStreak,
    int LongestStreak,
    IReadOnlyList<StudyDay> Days,
    IReadOnlyList<StudyWeek> MinutesByWeek,
    IReadOnlyList<StudyNotebookTotals> Notebooks,
    long AsOfSequence,
    long LatestSequence,
    bool Updating);

/// <param name="Entries">Day entries on this date across notebooks (0 on a rest day).</param>
public sealed record StudyDay(DateOnly Date, int Entries, int Minutes, bool Rested);

/// <param name="Week">The ISO week, e.g. <c>2026-W18</c>.</param>
/// <param name="Starts">Its Monday.</param>
public sealed record StudyWeek(string Week, DateOnly Starts, int Minutes);

public sealed record StudyNotebookTotals(Guid Id, string Title, int Entries, int Minutes, int RestDays);
