namespace Journal.Notebooks.Rules;

public enum PaceState
{
    Completed,
    Ahead,
    OnTrack,
    Behind,
    Overdue,
}

/// <param name="State">Where the notebook stands against its plan today.</param>
/// <param name="ExpectedByToday">The study days the plan expects logged by the end of today.</param>
/// <param name="Deadline">The last date of the plan's span.</param>
public sealed record PaceSummary(PaceState State, int ExpectedByToday, DateOnly Deadline);

public static class Pace
{
    /// <summary>startDate + spanDays − 1: the plan's last date.</summary>
    public static DateOnly Deadline(DateOnly startDate, int spanDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spanDays);
        return startDate.AddDays(spanDays - 1);
    }

    /// <summary>
    /// ceil(planDays × elapsed / spanDays), elapsed being the days from startDate to today inclusive,
    /// between 0 (before the start) and spanDays. Integer arithmetic, so no rounding error.
    /// </summary>
    public static int ExpectedByToday(int planDays, int spanDays, DateOnly startDate, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(planDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(spanDays, planDays);

        var elapsed = Math.Clamp(LocalDates.DaysBetween(startDate, today) + 1, 0, spanDays);
        return (planDays * elapsed + spanDays - 1) / spanDays;
    }

    /// <summary>
    /// Completed once daysLogged reaches planDays; otherwise Overdue after the deadline, else Ahead, OnTrack
    /// or Behind as daysLogged is above, equal to or below <see cref="ExpectedByToday"/>. On the deadline a
    /// short notebook is Behind; it is Overdue from the next day. Before the start nothing is expected yet.
    /// </summary>
    public static PaceSummary Summarize(int planDays, int spanDays, DateOnly startDate, DateOnly today, int daysLogged)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysLogged);

        var expected = ExpectedByToday(planDays, spanDays, startDate, today);
        var deadline = Deadline(startDate, spanDays);
        var state = true switch
        {
            _ when Completion.Reached(daysLogged, planDays) => PaceState.Completed,
            _ when today > deadline => PaceState.Overdue,
            _ when daysLogged > expected => PaceState.Ahead,
            _ when daysLogged == expected => PaceState.OnTrack,
            _ => PaceState.Behind,
        };
        return new PaceSummary(state, expected, deadline);
    }
}
