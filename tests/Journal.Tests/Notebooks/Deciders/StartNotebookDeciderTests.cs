using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Rules;

namespace Journal.Tests.Notebooks.Deciders;

public class StartNotebookDeciderTests
{
    private static readonly Guid MadeId = Guid.Parse("01950000-0000-7000-8000-0000000000aa");
    private static readonly Guid ClientId = Guid.Parse("01950000-0000-7000-8000-0000000000bb");
    private static readonly Plan FiveOverSeven = new(5, 7, 45);

    private static readonly StartNotebook Command = new("Rust ownership", FiveOverSeven);

    /// <summary>What <see cref="Command"/> decides at <see cref="Given.Now"/>.</summary>
    private static readonly NotebookStarted Started =
        new(MadeId, "Rust ownership", null, FiveOverSeven, Date("2026-03-10"), "UTC", TimeOnly.MinValue);

    private static Decision Decide(StartNotebook? command, string now = Given.Now) =>
        StartNotebookDecider.Decide(command, Instant(now), () => MadeId);

    [Fact]
    public void Defaults_make_an_id_and_start_today_in_UTC_with_the_day_starting_at_midnight() =>
        Decided.Accepted(Decide(Command), Started);

    [Fact]
    public void Every_field_given_is_decided_as_given_and_no_id_is_made()
    {
        var command = new StartNotebook("Rust ownership", FiveOverSeven, ClientId, "Why *now*",
            Date("2026-03-02"), "America/New_York", Time("04:00"));

        var decision = StartNotebookDecider.Decide(command, Instant(Given.Now), () => throw new InvalidOperationException("an id was made"));

        Decided.Accepted(decision, new NotebookStarted(ClientId, "Rust ownership", "Why *now*", FiveOverSeven,
            Date("2026-03-02"), "America/New_York", Time("04:00")));
    }

    [Fact]
    public void Title_and_spark_are_trimmed_and_the_spark_keeps_tabs_and_newlines_with_CRLF_normalised() =>
        Decided.Accepted(
            Decide(Command with { Title = " \t Rust ownership  ", Spark = "\r\n  Borrowing,\r\nat last:\tfor real  \r\n" }),
            Started with { Spark = "Borrowing,\nat last:\tfor real" });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    public void A_blank_spark_is_none(string spark) =>
        Decided.Accepted(Decide(Command with { Spark = spark }), Started);

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(Decide(null));

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void A_title_of_1_to_200_characters_is_accepted(int length)
    {
        var title = new string('t', length);
        Decided.Accepted(Decide(Command with { Title = title }), Started with { Title = title });
    }

    [Fact]
    public void A_title_of_201_characters_is_refused() =>
        Decided.Invalid(Decide(Command with { Title = new string('t', 201) }), "title");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void A_missing_or_blank_title_is_refused(string? title) =>
        Decided.Invalid(Decide(Command with { Title = title! }), "title");

    [Theory]
    [InlineData("Rust\townership")]
    [InlineData("Rust\nownership")]
    [InlineData("Rust\r\nownership")]
    [InlineData("Rust\0ownership")]
    [InlineData("Rust\u001Bownership")]
    public void A_title_may_hold_no_control_character_not_even_tab_or_newline(string title) =>
        Decided.Invalid(Decide(Command with { Title = title }), "title");

    [Fact]
    public void A_title_with_an_unpaired_surrogate_is_refused() =>
        Decided.Invalid(Decide(Command with { Title = "Rust " + '\uD83E' + " ownership" }), "title");

    [Fact]
    public void A_spark_of_10000_characters_is_accepted()
    {
        var spark = new string('s', 10_000);
        Decided.Accepted(Decide(Command with { Spark = spark }), Started with { Spark = spark });
    }

    [Fact]
    public void A_spark_of_10001_characters_is_refused() =>
        Decided.Invalid(Decide(Command with { Spark = new string('s', 10_001) }), "spark");

    [Theory]
    [InlineData("Why\0now")]
    [InlineData("Why\rnow")]
    [InlineData("Why\u007Fnow")]
    public void A_spark_may_hold_no_control_character_but_tab_and_newline(string spark) =>
        Decided.Invalid(Decide(Command with { Spark = spark }), "spark");

    [Fact]
    public void The_empty_guid_is_no_id() =>
        Decided.Invalid(Decide(Command with { Id = Guid.Empty }), "id");

    [Fact]
    public void A_missing_plan_is_refused() =>
        Decided.Invalid(Decide(Command with { Plan = null! }), "plan");

    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(1, 731, 1)]
    [InlineData(10, 10, 60)] // spanDays may equal days
    [InlineData(366, 366, 1440)]
    [InlineData(366, 731, null)]
    public void Plans_within_the_limits_are_accepted(int days, int spanDays, int? minutesPerDay)
    {
        var plan = new Plan(days, spanDays, minutesPerDay);
        Decided.Accepted(Decide(Command with { Plan = plan }), Started with { Plan = plan });
    }

    [Theory]
    [InlineData(0, 7, null, "plan.days")]
    [InlineData(-1, 7, null, "plan.days")]
    [InlineData(367, 367, null, "plan.days")]
    [InlineData(10, 9, null, "plan.spanDays")] // fewer calendar days than study days
    [InlineData(1, 0, null, "plan.spanDays")]
    [InlineData(1, 732, null, "plan.spanDays")]
    [InlineData(5, 7, 0, "plan.minutesPerDay")]
    [InlineData(5, 7, -45, "plan.minutesPerDay")]
    [InlineData(5, 7, 1441, "plan.minutesPerDay")]
    public void Plans_outside_the_limits_name_the_field(int days, int spanDays, int? minutesPerDay, string field) =>
        Decided.Invalid(Decide(Command with { Plan = new Plan(days, spanDays, minutesPerDay) }), field);

    [Fact]
    public void The_start_date_defaults_to_today_in_the_notebooks_zone() =>
        // 2026-03-10 12:00 UTC is 01:00 on 03-11 in Auckland (NZDT, +13).
        Decided.Accepted(Decide(Command with { TimeZone = "Pacific/Auckland" }),
            Started with { TimeZone = "Pacific/Auckland", StartDate = Date("2026-03-11") });

    [Fact]
    public void Before_dayStartsAt_the_start_date_defaults_to_the_previous_date() =>
        Decided.Accepted(Decide(Command with { DayStartsAt = Time("04:00") }, now: "2026-03-10T02:00:00Z"),
            Started with { StartDate = Date("2026-03-09"), DayStartsAt = Time("04:00") });

    [Theory]
    [InlineData("1970-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2024-02-29")]
    [InlineData("2025-03-09")]
    [InlineData("2026-03-09")]
    [InlineData("2026-03-11")]
    [InlineData("2027-03-11")]
    public void A_start_date_from_1970_up_to_366_days_ahead_of_today_is_accepted(string date) =>
        Decided.Accepted(Decide(Command with { StartDate = Date(date) }), Started with { StartDate = Date(date) });

    [Theory]
    [InlineData("1969-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2027-03-12")]
    [InlineData("9999-12-31")]
    public void A_start_date_before_1970_or_more_than_366_days_ahead_is_refused(string date)
    {
        var refusal = Decided.Invalid(Decide(Command with { StartDate = Date(date) }), "startDate");
        Assert.Equal("startDate must lie between 1970-01-01 and 366 days after today (2027-03-11).", refusal.Errors!["startDate"].Single());
    }

    [Fact]
    public void The_start_date_window_counts_from_the_local_today()
    {
        // 2026-03-10 12:00 UTC is 02:00 on 03-11 on Kiritimati (+14): 367 days after the UTC date, 366 after the local one.
        var startDate = Date("2026-03-11").AddDays(366);

        Decided.Accepted(Decide(Command with { StartDate = startDate, TimeZone = "Pacific/Kiritimati" }),
            Started with { StartDate = startDate, TimeZone = "Pacific/Kiritimati" });
        Decided.Invalid(Decide(Command with { StartDate = startDate }), "startDate");
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Etc/UTC")]
    [InlineData("Asia/Calcutta")] // a backward-compatible IANA alias
    public void IANA_zone_ids_are_accepted_as_given(string zone)
    {
        var decision = Decide(Command with { TimeZone = zone, StartDate = Date("2026-03-02") });
        Decided.Accepted(decision, Started with { TimeZone = zone, StartDate = Date("2026-03-02") });
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")] // Windows ids are refused
    [InlineData("Eastern Standard Time")]
    [InlineData(" Europe/Berlin")]
    [InlineData("../zoneinfo/UTC")]
    public void Unknown_and_Windows_zone_ids_are_refused(string zone) =>
        Decided.Invalid(Decide(Command with { TimeZone = zone }), "timeZone");

    [Fact]
    public void A_case_variant_of_a_zone_id_is_refused_even_once_the_zone_is_cached()
    {
        Assert.NotNull(TimeZones.FindIana("Europe/Berlin"));

        Decided.Invalid(Decide(Command with { TimeZone = "europe/berlin" }), "timeZone");
    }

    [Fact]
    public void Every_invalid_field_is_named_at_once() =>
        Decided.Invalid(
            Decide(new StartNotebook(" ", new Plan(0, 0, 0), Guid.Empty, "a\0b", Date("2030-01-01"), "Nowhere/Special")),
            "id", "title", "spark", "plan.days", "plan.spanDays", "plan.minutesPerDay", "timeZone", "startDate");
}
