namespace Journal.Notebooks.Rules;

/// <summary>The notebook's local dates: its time zone and the time of day at which its day starts.</summary>
public static class LocalDates
{
    /// <summary>
    /// The notebook's date at <paramref name="now"/>: the date on the zone's wall clock, or the date before
    /// it while the wall clock has not yet reached <paramref name="dayStartsAt"/> on that date.
    /// </summary>
    /// <remarks>
    /// If <paramref name="dayStartsAt"/> falls in an hour skipped by DST, the day starts when the clocks
    /// jump past it. If it falls in an hour repeated by DST, the day starts at its first occurrence and the
    /// repeated hour does not take it back to the previous date, so "today" never moves backwards.
    /// </remarks>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone, TimeOnly dayStartsAt)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var wallClock = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var date = DateOnly.FromDateTime(wallClock);
        if (TimeOnly.FromDateTime(wallClock) >= dayStartsAt)
        {
            return date;
        }

        var dayStart = date.ToDateTime(dayStartsAt);
        var startedInRepeatedHour = zone.IsAmbiguousTime(dayStart)
            && new DateTimeOffset(dayStart, zone.GetAmbiguousTimeOffsets(dayStart).Max()) <= now;
        return startedInRepeatedHour ? date : date.AddDays(-1);
    }

    /// <summary>The local date at <paramref name="now"/> of a notebook in <paramref name="timeZone"/> (an IANA id) whose day starts at <paramref name="dayStartsAt"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, string timeZone, TimeOnly dayStartsAt) => Today(now, TimeZones.Get(timeZone), dayStartsAt);

    /// <summary>Calendar days from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
