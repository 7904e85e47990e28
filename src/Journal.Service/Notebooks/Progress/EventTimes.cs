using JasperFx.Events;

namespace Journal.Notebooks.Progress;

/// <summary>
/// An event's recorded time as the database keeps it (whole microseconds): the in-memory timestamp of a
/// fresh append has 100 ns ticks, and a replay must give the very same value as the live projection.
/// </summary>
public static class EventTimes
{
    public static DateTimeOffset Of(IEvent e) => Stored(e.Timestamp);

    /// <summary><paramref name="instant"/> as the database keeps it: in UTC, cut to whole microseconds.</summary>
    public static DateTimeOffset Stored(DateTimeOffset instant) => instant.ToUniversalTime().AddTicks(-(instant.Ticks % 10));
}
