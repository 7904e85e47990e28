namespace Journal.Notebooks.Rules;

public static class TimeZones
{
    /// <summary>Finds an IANA zone ("Europe/Berlin"); Windows ids and unknown names are refused.</summary>
    public static TimeZoneInfo? FindIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }

    public static TimeZoneInfo Get(string id) => FindIana(id) ?? TimeZoneInfo.Utc;
}
