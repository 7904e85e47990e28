using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Rules;

public class TimeZonesTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Calcutta")] // a backward-compatible IANA alias
    public void IANA_ids_are_found_under_the_id_asked_for(string id)
    {
        var zone = TimeZones.FindIana(id);

        Assert.NotNull(zone);
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Eastern Standard Time")]
    [InlineData("China Standard Time")]
    [InlineData("Europe/Berlin ")]
    [InlineData("../zoneinfo/UTC")]
    [InlineData("/usr/share/zoneinfo/UTC")]
    public void Unknown_names_Windows_ids_and_paths_are_refused(string? id) => Assert.Null(TimeZones.FindIana(id));

    [Theory]
    [InlineData("Not/A_Zone")]
    [InlineData("Eastern Standard Time")]
    public void Get_falls_back_to_UTC(string id) => Assert.Same(TimeZoneInfo.Utc, TimeZones.Get(id));

    [Fact]
    public void A_case_variant_is_refused_even_once_the_zone_is_cached()
    {
        Assert.NotNull(TimeZones.FindIana("Europe/Berlin"));

        Assert.Null(TimeZones.FindIana("europe/berlin"));
    }

    [Theory]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    public void Files_in_the_zone_directory_that_are_not_zones_are_refused(string id) => Assert.Null(TimeZones.FindIana(id));
}
