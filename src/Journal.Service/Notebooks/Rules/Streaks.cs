using System.Globalization;
using System.Text;

namespace Journal.Notebooks.Rules;

/// <summary>
/// A run of study: a maximal sequence of consecutive dates, each studied or rested, holding at least one studied date.
/// </summary>
/// <param name="From">The first date of the sequence; a rested date when the run opens with rest.</param>
/// <param name="To">The last date of the sequence, never after today; a rested date when the run closes with rest.</param>
/// <param name="Length">The number of studied dates in the run; rested dates do not count.</param>
/// <param name="RestedDates">The rested dates from <paramref name="From"/> to <paramref name="To"/>, oldest first.</param>
/// <param name="EndedBy">The missed date that ended the run (the day after <paramref name="To"/>), or null while the run reaches yesterday or today.</param>
public sealed record StudyRun(DateOnly From, DateOnly To, int Length, IReadOnlyList<DateOnly> RestedDates, DateOnly? EndedBy)
{
    public bool Equals(StudyRun? other) =>
        other is not null
        && (From, To, Length, EndedBy) == (other.From, other.To, other.Length, other.EndedBy)
        && RestedDates.SequenceEqual(other.RestedDates);

    public override int GetHashCode() => HashCode.Combine(From, To, Length, EndedBy);

    // Print the dates themselves, so that a failed comparison is readable.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"From = {Iso(From)}, To = {Iso(To)}, Length = {Length}, ");
        builder.Append(CultureInfo.InvariantCulture, $"RestedDates = [{string.Join(", ", RestedDates.Select(Iso))}], ");
        builder.Append(CultureInfo.InvariantCulture, $"EndedBy = {(EndedBy is { } date ? Iso(date) : "null")}");
        return true;
    }

    private static string Iso(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);
}

/// <param name="Current">The length of the run that reaches yesterday or today, else 0.</param>
/// <param name="Longest">The length of the longest run, else 0.</param>
/// <param name="Runs">Every run, oldest first.</param>
public sealed record StreakSummary(int Current, int Longest, IReadOnlyList<StudyRun> Runs)
{
    public bool Equals(StreakSummary? other) =>
        other is not null
        && (Current, Longest) == (other.Current, other.Longest)
        && Runs.SequenceEqual(other.Runs);

    public override int GetHashCode() => HashCode.Combine(Current, Longest, Runs.Count);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Current = {Current}, Longest = {Longest}, Runs = [{string.Join(", ", Runs)}]");
        return true;
    }
}

public static class Streaks
{
    /// <summary>
    /// The current and longest run, as <see cref="Summarize"/> finds them, without listing the runs: one pass over dates
    /// given oldest first (a notebook's stored days and rest days are), without the sets and lists it builds. Dates out
    /// of order are handed to <see cref="Summarize"/>, so the answer never depends on the order.
    /// </summary>
    /// <remarks>The write model and the progress read take these two figures on every command and GET (docs/performance.md).</remarks>
    public static (int Current, int Longest) Lengths(IEnumerable<DateOnly> studied, IEnumerable<DateOnly> rested, DateOnly today)
    {
        using var s = studied.GetEnumerator();
        using var r = rested.GetEnumerator();
        DateOnly lastS = DateOnly.MinValue, lastR = DateOnly.MinValue;
        var outOfOrder = false;
        var (hasS, hasR) = (Next(s, ref lastS), Next(r, ref lastR));
        var yesterday = today.AddDays(-1);
        DateOnly? previous = null;
        DateOnly sequenceEnd = default, lastRunEnd = default;
        int length = 0, lastRunLength = 0, longest = 0;
        while ((hasS || hasR) && !outOfOrder)
        {
            var date = !hasR || (hasS && s.Current <= r.Current) ? s.Current : r.Current;
            var isStudied = false;
            while (hasS && s.Current == date) (isStudied, hasS) = (true, Next(s, ref lastS));
            while (hasR && r.Current == date) hasR = Next(r, ref lastR);

            if (previous is { } last && date != last.AddDays(1)) EndSequence();
            sequenceEnd = date;
            if (isStudied) length++;
            previous = date;
        }
        if (outOfOrder)
        {
            var summary = Summarize(studied, rested, today);
            return (summary.Current, summary.Longest);
        }
        EndSequence();
        return (lastRunLength > 0 && lastRunEnd >= yesterday ? lastRunLength : 0, longest);

        void EndSequence()
        {
            if (length == 0) return; // rest alone is no run
            (lastRunLength, lastRunEnd, longest, length) = (length, sequenceEnd, Math.Max(longest, length), 0);
        }

        // The next date up to today (later ones are ignored), noting any that comes before the one it follows.
        bool Next(IEnumerator<DateOnly> dates, ref DateOnly lastSeen)
        {
            while (dates.MoveNext())
            {
                if (dates.Current < lastSeen) outOfOrder = true;
                lastSeen = dates.Current;
                if (dates.Current <= today) return true;
            }
            return false;
        }
    }

    /// <summary>Finds the runs of study up to <paramref name="today"/>.</summary>
    /// <remarks>
    /// Dates after today are ignored: a skip planned ahead neither extends nor keeps alive anything yet.
    /// A date both studied and rested counts as studied (an entry supersedes a skip).
    /// Rest at either edge of a run belongs to it, as the definition's "maximal sequence" says; a sequence of
    /// rest alone is no run. Today is pending: an empty today neither ends a run nor is reported as missed.
    /// </remarks>
    public static StreakSummary Summarize(IEnumerable<DateOnly> studied, IEnumerable<DateOnly> rested, DateOnly today)
    {
        var studiedDates = studied.Where(date => date <= today).ToHashSet();
        var restedDates = rested.Where(date => date <= today && !studiedDates.Contains(date)).ToHashSet();
        var yesterday = today.AddDays(-1);

        var runs = new List<StudyRun>();
        var sequence = new List<DateOnly>();
        foreach (var date in studiedDates.Concat(restedDates).Order())
        {
            if (sequence.Count > 0 && date != sequence[^1].AddDays(1))
            {
                AddRun(sequence);
                sequence.Clear();
            }
            sequence.Add(date);
        }
        AddRun(sequence);

        var current = runs.Count > 0 && runs[^1].EndedBy is null ? runs[^1].Length : 0;
        var longest = runs.Count > 0 ? runs.Max(run => run.Length) : 0;
        return new StreakSummary(current, longest, runs);

        void AddRun(List<DateOnly> dates)
        {
            var length = dates.Count(studiedDates.Contains);
            if (length == 0)
            {
                return;
            }
            var to = dates[^1];
            var endedBy = to < yesterday ? to.AddDays(1) : (DateOnly?)null;
            runs.Add(new StudyRun(dates[0], to, length, [.. dates.Where(restedDates.Contains)], endedBy));
        }
    }
}
