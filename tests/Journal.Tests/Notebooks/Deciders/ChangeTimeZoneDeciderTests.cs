using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Deciders;

public class ChangeTimeZoneDeciderTests
{
    private static Notebook NightOwl => Notebook(Started(dayStartsAt: "04:00"), LoggedDays(2));

    [Fact]
    public void Leaving_out_dayStartsAt_keeps_the_notebooks() =>
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("Europe/Berlin"), NightOwl),
            new TimeZoneChanged("Europe/Berlin", Time("04:00")));

    [Theory]
    [InlineData("00:00")] // given explicitly, midnight is a change, not "left out"
    [InlineData("05:30")]
    public void A_given_dayStartsAt_is_decided(string dayStartsAt) =>
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("America/New_York", Time(dayStartsAt)), NightOwl),
            new TimeZoneChanged("America/New_York", Time(dayStartsAt)));

    [Fact]
    public void The_zone_and_day_start_the_notebook_already_has_record_nothing()
    {
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("UTC"), NightOwl));
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("UTC", Time("04:00")), NightOwl));
    }

    [Fact]
    public void The_same_zone_with_another_day_start_is_a_change() =>
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("UTC", Time("00:00")), NightOwl),
            new TimeZoneChanged("UTC", Time("00:00")));

    [Fact]
    public void The_time_zone_of_a_completed_notebook_can_change() =>
        Decided.Accepted(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("Asia/Tokyo"), Completed()),
            new TimeZoneChanged("Asia/Tokyo", TimeOnly.MinValue));

    [Fact]
    public void The_time_zone_of_an_abandoned_notebook_cannot_change() =>
        Decided.Conflict(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("Asia/Tokyo"), Abandoned()), Refusals.NotebookAbandoned);

    [Fact]
    public void An_unknown_zone_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("Asia/Atlantis"), Abandoned()), "timeZone");

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(ChangeTimeZoneDecider.Decide(null, Notebook()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Asia/Atlantis")]
    [InlineData("W. Europe Standard Time")] // Windows ids are refused
    [InlineData("Tokyo Standard Time")]
    [InlineData("Europe/Berlin\0")]
    public void Unknown_and_Windows_zone_ids_are_refused(string? zone) =>
        Decided.Invalid(ChangeTimeZoneDecider.Decide(new ChangeTimeZone(zone!), Notebook()), "timeZone");

    [Fact]
    public void A_case_variant_of_a_zone_id_is_refused_even_once_the_zone_is_cached()
    {
        Assert.NotNull(TimeZones.FindIana("Europe/Berlin"));

        Decided.Invalid(ChangeTimeZoneDecider.Decide(new ChangeTimeZone("europe/berlin"), Notebook()), "timeZone");
    }
}
