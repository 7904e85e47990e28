using System.Globalization;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Progress;

/// <summary>The parsed time-travel query of a progress read; pure.</summary>
public sealed record TimeTravel(long? Version, DateTimeOffset? AsOf, DateOnly? On, Refusal? Refusal)
{
    public bool IsNow => Version is null && AsOf is null && On is null;

    public static TimeTravel Parse(string? version, string? asOf, string? on)
    {
        var fields = new FieldRules();
        var given = new[] { version, asOf, on }.Count(v => v is not null);
        if (given > 1) fields.Fail("version", "Give at most one of version, asOf and on.");

        long? n = null;
        if (version is not null)
        {
            if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1) n = parsed;
            else fields.Fail("version", "version must be a whole number, 1 or more.");
        }
        DateTimeOffset? instant = null;
        if (asOf is not null)
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                && asOf.Contains('T', StringComparison.Ordinal))
                instant = parsed;
            else fields.Fail("asOf", "asOf must be an ISO 8601 instant, e.g. 2026-03-10T12:00:00Z.");
        }
        DateOnly? date = null;
        if (on is not null)
        {
            date = IsoDates.Parse(on);
            if (date is null) fields.Fail("on", "on must be a date written yyyy-MM-dd.");
        }
        return new TimeTravel(n, instant, date, fields.Refusal());
    }
}
