using JasperFx.Events;

namespace Journal.Notebooks.Progress;

/// <summary>
/// An event's recorded time as the database keeps it (whole microseconds): the in-memory timestamp of a
/// fresh append has 100 ns ticks, and a replay must give the very same value as the live projection.
/// </summary>
public static class EventTimes
{
    public static DateTimeOffset Of(IEvent e) => e.Timestamp.AddTicks(-(e.Timestamp.Ticks % 10));
}
