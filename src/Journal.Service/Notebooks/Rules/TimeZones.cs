namespace Journal.Notebooks.Rules;

public static class TimeZones
{
    /// <summary>
    /// Finds an IANA zone ("Europe/Berlin") by its exact id. Windows ids, other spellings (.NET's zone cache
    /// ignores case, the zone files do not, so "europe/berlin" would pass or fail by chance and later read
    /// as UTC), and files of the zone folder that are not zones ("localtime", "posixrules", "posix/…",
    /// "right/…") are refused.
    /// </summary>
    public static TimeZoneInfo? FindIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || IsNotAZone(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && string.Equals(zone.Id, id, StringComparison.Ordinal)
            ? zone
            : null;
    }

    /// <summary>The zone <paramref name="field"/> names, or an error on that field and null.</summary>
    public static TimeZoneInfo? Check(FieldRules fields, string field, string? id)
    {
        var zone = FindIana(id);
        if (zone is null)
            fields.Fail(field, $"{field} must be an IANA time zone id such as \"Europe/Berlin\"; \"{(id is { Length: > 40 } ? id[..40] + "…" : id)}\" is not one.");
        return zone;
    }

    public static TimeZoneInfo Get(string id) => FindIana(id) ?? TimeZoneInfo.Utc;

    private static bool IsNotAZone(string id) =>
        id is "localtime" or "posixrules" or "Factory" or "leapseconds" or "tzdata.zi" or "zone.tab" or "zone1970.tab" or "iso3166.tab"
        || id.StartsWith("posix/", StringComparison.Ordinal)
        || id.StartsWith("right/", StringComparison.Ordinal)
        || id.Contains("..", StringComparison.Ordinal);
}
