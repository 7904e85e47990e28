using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class ReviseDayDeciderTests
{
    private static Notebook March9Logged => Notebook(Logged("2026-03-02"), Logged("2026-03-09"));

    private static Decision Decide(ReviseDay? command, Notebook? notebook = null, string date = "2026-03-09") =>
        ReviseDayDecider.Decide(command, notebook ?? March9Logged, date);

    [Fact]
    public void A_logged_date_is_revised_with_every_field_trimmed_and_CRLF_normalised() =>
        Decided.Accepted(
            Decide(new ReviseDay(" Lifetimes, revised ", "\tShort\r\nsummary ", "Long\r\n\r\nentry\r\n", 50)),
            new DayRevised(Date("2026-03-09"), "Lifetimes, revised", "Short\nsummary", "Long\n\nentry", 50));

    [Fact]
    public void A_revision_replaces_the_whole_day_so_omitted_fields_become_none() =>
        Decided.Accepted(Decide(new ReviseDay("Lifetimes", "  ", "")), new DayRevised(Date("2026-03-09"), "Lifetimes", null, null, null));

    [Fact]
    public void A_day_of_a_completed_notebook_can_be_revised() =>
        Decided.Accepted(Decide(new ReviseDay("Typo fixed"), Completed(), "2026-03-04"),
            new DayRevised(Date("2026-03-04"), "Typo fixed", null, null, null));

    [Fact]
    public void A_day_of_an_abandoned_notebook_cannot_be_revised() =>
        Decided.Conflict(Decide(new ReviseDay("Typo fixed"), Abandoned(), "2026-03-02"), Refusals.NotebookAbandoned);

    [Theory]
    [InlineData("2026-03-03")] // never logged
    [InlineData("2026-03-05")] // rested, not logged
    [InlineData("2026-03-06")] // logged, then retracted
    public void A_date_without_an_entry_is_not_found(string date) =>
        Decided.NotFound(
            Decide(new ReviseDay("Lifetimes"), Notebook(Logged("2026-03-02"), Skipped("2026-03-05"), Logged("2026-03-06"), new DayRetracted(Date("2026-03-06"))), date),
            Refusals.DayNotFound);

    [Theory]
    [InlineData("2026-3-9")]
    [InlineData("2026-02-30")]
    [InlineData("09.03.2026")]
    [InlineData("2026-03-09T00:00")]
    [InlineData("today")]
    [InlineData("")]
    public void A_date_in_the_address_that_is_not_yyyy_MM_dd_is_refused(string date) =>
        Decided.Invalid(Decide(new ReviseDay("Lifetimes"), date: date), "date");

    [Fact]
    public void An_invalid_command_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(Decide(new ReviseDay(""), Abandoned(), "2026-03-02"), "title");

    [Fact]
    public void An_invalid_command_is_a_400_before_the_date_is_looked_up() =>
        Decided.Invalid(Decide(new ReviseDay("Lifetimes", Minutes: 0), date: "2026-03-03"), "minutes");

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(Decide(null));

    [Fact]
    public void Title_summary_and_entry_at_their_limits_are_accepted()
    {
        string title = new('t', 200), summary = new('s', 2_000), entry = new('e', 100_000);

        Decided.Accepted(Decide(new ReviseDay(title, summary, entry)), new DayRevised(Date("2026-03-09"), title, summary, entry, null));
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("summary", 2_001)]
    [InlineData("entry", 100_001)]
    public void Text_over_its_limit_is_refused(string field, int length) =>
        Decided.Invalid(Decide(With(field, new string('x', length))), field);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_missing_or_blank_title_is_refused(string? title) =>
        Decided.Invalid(Decide(new ReviseDay(title!)), "title");

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void Minutes_from_1_to_1440_are_accepted(int minutes) =>
        Decided.Accepted(Decide(new ReviseDay("Lifetimes", Minutes: minutes)), new DayRevised(Date("2026-03-09"), "Lifetimes", null, null, minutes));

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void Minutes_outside_1_to_1440_are_refused(int minutes) =>
        Decided.Invalid(Decide(new ReviseDay("Lifetimes", Minutes: minutes)), "minutes");

    [Theory]
    [InlineData("title", "Life\ttimes")]
    [InlineData("title", "Life\ntimes")]
    [InlineData("title", "Life\0times")]
    [InlineData("summary", "Life\0times")]
    [InlineData("summary", "Life\u0007times")]
    [InlineData("entry", "Life\0times")]
    [InlineData("entry", "Life\rtimes")]
    public void Control_characters_are_refused_except_tab_and_newline_in_summary_and_entry(string field, string text) =>
        Decided.Invalid(Decide(With(field, text)), field);

    [Fact]
    public void Summary_and_entry_keep_tabs_and_newlines() =>
        Decided.Accepted(Decide(new ReviseDay("Lifetimes", "a\tb\nc", "```\n\tcode\n```")),
            new DayRevised(Date("2026-03-09"), "Lifetimes", "a\tb\nc", "```\n\tcode\n```", null));

    [Theory]
    [InlineData("title")]
    [InlineData("summary")]
    [InlineData("entry")]
    public void Text_with_an_unpaired_surrogate_is_refused(string field) =>
        Decided.Invalid(Decide(With(field, "Life" + '\uD801' + "times")), field);

    [Fact]
    public void Every_invalid_field_is_named_at_once() =>
        Decided.Invalid(Decide(new ReviseDay(" ", new string('s', 2_001), "\0", 1441), date: "2026-13-01"),
            "date", "title", "summary", "entry", "minutes");

    private static ReviseDay With(string field, string text) => field switch
    {
        "title" => new ReviseDay(text),
        "summary" => new ReviseDay("Lifetimes", Summary: text),
        "entry" => new ReviseDay("Lifetimes", Entry: text),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
