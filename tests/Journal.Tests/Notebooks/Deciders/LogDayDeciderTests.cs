using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Http;

namespace Journal.Tests.Notebooks.Deciders;

public class LogDayDeciderTests
{
    private static Decision Decide(LogDay? command, Notebook? notebook = null, string now = Now) =>
        LogDayDecider.Decide(command, notebook ?? Notebook(), Instant(now));

    private static DayLogged Moves(string date, string recordedOn = "2026-03-10", bool backfilled = false, bool supersededSkip = false) =>
        new(Date(date), "Moves", null, null, null, Date(recordedOn), backfilled, supersededSkip);

    [Fact]
    public void The_date_defaults_to_today_which_is_not_backfilled() =>
        Decided.Accepted(Decide(new LogDay("Moves")), Moves("2026-03-10"));

    [Fact]
    public void Every_field_is_decided_trimmed_with_CRLF_normalised_in_summary_and_entry() =>
        Decided.Accepted(
            Decide(new LogDay("  Moves and borrows\t", Date("2026-03-10"), " Ownership moves\r\n", "\r\nThe *full*\r\n\tentry  ", 45)),
            new DayLogged(Date("2026-03-10"), "Moves and borrows", "Ownership moves", "The *full*\n\tentry", 45,
                RecordedOn: Date("2026-03-10"), Backfilled: false, SupersededSkip: false));

    [Fact]
    public void Blank_summary_and_entry_are_none() =>
        Decided.Accepted(Decide(new LogDay("Moves", Summary: "  ", Entry: "\r\n\t")), Moves("2026-03-10"));

    [Theory]
    [InlineData("2026-03-02")] // the start date
    [InlineData("2026-03-09")] // yesterday
    public void An_earlier_date_is_backfilled_and_recorded_today(string date) =>
        Decided.Accepted(Decide(new LogDay("Moves", Date(date))), Moves(date, backfilled: true));

    [Fact]
    public void A_date_before_the_start_is_refused() =>
        Decided.Invalid(Decide(new LogDay("Moves", Date("2026-03-01"))), "date");

    [Fact]
    public void Tomorrow_is_refused() =>
        Decided.Invalid(Decide(new LogDay("Moves", Date("2026-03-11"))), "date");

    [Fact]
    public void Today_of_a_notebook_starting_today_is_accepted() =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(Started(startDate: "2026-03-10"))), Moves("2026-03-10"));

    [Fact]
    public void Nothing_can_be_logged_before_a_notebook_that_starts_in_the_future() =>
        Decided.Invalid(Decide(new LogDay("Moves"), Notebook(Started(startDate: "2026-03-20"))), "date");

    [Theory]
    [InlineData("2026-03-10T02:00:00Z", "2026-03-09")] // 02:00: still the night of 03-09
    [InlineData("2026-03-10T03:59:59Z", "2026-03-09")]
    [InlineData("2026-03-10T04:00:00Z", "2026-03-10")]
    public void Before_dayStartsAt_today_is_the_previous_date(string now, string today) =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(Started(dayStartsAt: "04:00")), now), Moves(today, recordedOn: today));

    [Fact]
    public void Before_dayStartsAt_the_calendar_date_is_still_the_future() =>
        Decided.Invalid(Decide(new LogDay("Moves", Date("2026-03-10")), Notebook(Started(dayStartsAt: "04:00")), "2026-03-10T02:00:00Z"), "date");

    [Fact]
    public void Today_is_the_date_in_the_notebooks_zone()
    {
        // 2026-03-10 03:30 UTC is 23:30 on 03-09 in New York (EDT).
        var newYork = Notebook(Started(timeZone: "America/New_York"));

        Decided.Accepted(Decide(new LogDay("Moves"), newYork, "2026-03-10T03:30:00Z"), Moves("2026-03-09", recordedOn: "2026-03-09"));
        Decided.Invalid(Decide(new LogDay("Moves", Date("2026-03-10")), newYork, "2026-03-10T03:30:00Z"), "date");
    }

    [Fact]
    public void Logging_a_skipped_date_supersedes_the_skip() =>
        Decided.Accepted(Decide(new LogDay("Moves", Date("2026-03-09")), Notebook(Skipped("2026-03-09"))),
            Moves("2026-03-09", backfilled: true, supersededSkip: true));

    [Fact]
    public void A_cancelled_skip_is_not_superseded() =>
        Decided.Accepted(
            Decide(new LogDay("Moves", Date("2026-03-09")), Notebook(Skipped("2026-03-09"), new SkipCancelled(Date("2026-03-09")))),
            Moves("2026-03-09", backfilled: true));

    [Fact]
    public void Logging_today_supersedes_a_skip_planned_for_today() =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(new DaySkipped(Date("2026-03-10"), "Rest", Date("2026-03-01"), Late: false))),
            Moves("2026-03-10", supersededSkip: true));

    [Fact]
    public void The_day_that_reaches_the_plan_completes_the_notebook_in_the_same_decision() =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(LoggedDays(4))),
            Moves("2026-03-10"), new NotebookCompleted(5, 5));

    [Fact]
    public void A_day_short_of_the_plan_does_not_complete_it() =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(LoggedDays(3))), Moves("2026-03-10"));

    [Fact]
    public void After_a_raised_plan_reopened_the_notebook_the_new_last_day_completes_it_again() =>
        Decided.Accepted(
            Decide(new LogDay("Moves"), Notebook([.. LoggedDays(5), new NotebookCompleted(5, 5),
                new PlanChanged(new Plan(6, 7)), new NotebookReopened(5, 6)])),
            Moves("2026-03-10"), new NotebookCompleted(6, 6));

    [Fact]
    public void Worked_example_the_backfilled_fifth_day_completes_the_notebook()
    {
        // "Rust ownership" in New York: entries 03-02, 03-03, 03-04, 03-06, a skip on 03-05; 03-09 recorded on 03-10.
        var notebook = Notebook(Started(timeZone: "America/New_York"),
            Logged("2026-03-02"), Logged("2026-03-03"), Logged("2026-03-04"), Skipped("2026-03-05"), Logged("2026-03-06"));

        var decision = Decide(new LogDay("Lifetimes", Date("2026-03-09"), Minutes: 45), notebook, "2026-03-10T15:00:00Z");

        Decided.Accepted(decision,
            new DayLogged(Date("2026-03-09"), "Lifetimes", null, null, 45, RecordedOn: Date("2026-03-10"), Backfilled: true, SupersededSkip: false),
            new NotebookCompleted(5, 5));
    }

    [Fact]
    public void A_retracted_date_can_be_logged_again() =>
        Decided.Accepted(Decide(new LogDay("Moves", Date("2026-03-09")), Notebook(Logged("2026-03-09"), new DayRetracted(Date("2026-03-09")))),
            Moves("2026-03-09", backfilled: true));

    [Fact]
    public void A_date_with_an_entry_is_a_conflict_naming_its_day_number()
    {
        var problem = Decided.Rejected(Decide(new LogDay("Again", Date("2026-03-03")), Notebook(LoggedDays(3))),
            StatusCodes.Status409Conflict, Refusals.DateAlreadyLogged);

        Assert.Contains("(Day 2)", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_notebook_takes_no_more_days() =>
        Decided.Conflict(Decide(new LogDay("Moves"), Completed()), Refusals.NotebookCompleted);

    [Fact]
    public void An_abandoned_notebook_takes_no_more_days() =>
        Decided.Conflict(Decide(new LogDay("Moves"), Abandoned()), Refusals.NotebookAbandoned);

    [Fact]
    public void A_resumed_notebook_takes_days_again() =>
        Decided.Accepted(Decide(new LogDay("Moves"), Notebook(Logged("2026-03-02"), new NotebookAbandoned(null), new NotebookResumed())),
            Moves("2026-03-10"));

    [Fact]
    public void An_invalid_command_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(Decide(new LogDay(" "), Abandoned()), "title");

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(Decide(null));

    [Fact]
    public void Title_summary_and_entry_at_their_limits_are_accepted()
    {
        string title = new('t', 200), summary = new('s', 2_000), entry = new('e', 100_000);

        Decided.Accepted(Decide(new LogDay(title, Summary: summary, Entry: entry)),
            new DayLogged(Date("2026-03-10"), title, summary, entry, null, Date("2026-03-10"), Backfilled: false, SupersededSkip: false));
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
    [InlineData(" \t\r\n ")]
    public void A_missing_or_blank_title_is_refused(string? title) =>
        Decided.Invalid(Decide(new LogDay(title!)), "title");

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void Minutes_from_1_to_1440_are_accepted(int minutes) =>
        Decided.Accepted(Decide(new LogDay("Moves", Minutes: minutes)), Moves("2026-03-10") with { Minutes = minutes });

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(1441)]
    public void Minutes_outside_1_to_1440_are_refused(int minutes) =>
        Decided.Invalid(Decide(new LogDay("Moves", Minutes: minutes)), "minutes");

    [Theory]
    [InlineData("title", "Moves\tand borrows")]
    [InlineData("title", "Moves\nand borrows")]
    [InlineData("title", "Moves\r\nand borrows")]
    [InlineData("title", "Moves\0and borrows")]
    [InlineData("summary", "Moves\0and borrows")]
    [InlineData("summary", "Moves\rand borrows")] // a lone CR is not a newline
    [InlineData("summary", "Moves\u001Band borrows")]
    [InlineData("entry", "Moves\0and borrows")]
    [InlineData("entry", "Moves\u0085and borrows")]
    public void Control_characters_are_refused_except_tab_and_newline_in_summary_and_entry(string field, string text) =>
        Decided.Invalid(Decide(With(field, text)), field);

    [Fact]
    public void Summary_and_entry_keep_tabs_and_newlines() =>
        Decided.Accepted(Decide(new LogDay("Moves", Summary: "one\ttwo\nthree", Entry: "# Moves\n\n\tcode")),
            Moves("2026-03-10") with { Summary = "one\ttwo\nthree", Entry = "# Moves\n\n\tcode" });

    [Theory]
    [InlineData("title")]
    [InlineData("summary")]
    [InlineData("entry")]
    public void Text_with_an_unpaired_surrogate_is_refused(string field) =>
        Decided.Invalid(Decide(With(field, "Moves " + '\uDC00' + " borrows")), field);

    [Fact]
    public void Every_invalid_field_is_named_at_once() =>
        Decided.Invalid(Decide(new LogDay("", Date("2026-03-11"), new string('s', 2_001), "a\0b", 0)),
            "title", "date", "summary", "entry", "minutes");

    private static LogDay With(string field, string text) => field switch
    {
        "title" => new LogDay(text),
        "summary" => new LogDay("Moves", Summary: text),
        "entry" => new LogDay("Moves", Entry: text),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
