using Journal.Notebooks.Rules;

namespace Journal.Web;

/// <summary>The IANA zone ids a notebook may name, for the start form's list.</summary>
public static class ZoneChoices
{
    public static readonly IReadOnlyList<string> All =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id)
            .Where(id => TimeZones.FindIana(id) is not null).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
