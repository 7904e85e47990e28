using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class SkipDayDeciderTests
{
    private static Decision Decide(SkipDay? command, Notebook? notebook = null, string now = Now) =>
        SkipDayDecider.Decide(command, notebook ?? Notebook(), Instant(now));

    private static DaySkipped Rest(string date, string recordedOn = "2026-03-10", bool late = false, string? reason = null) =>
        new(Date(date), reason, Date(recordedOn), late);

    [Fact]
    public void The_date_defaults_to_today_which_is_not_late() =>
        Decided.Accepted(Decide(new SkipDay()), Rest("2026-03-10"));

    [Fact]
    public void The_reason_is_trimmed() =>
        Decided.Accepted(Decide(new SkipDay(Reason: "  Sick day \t")), Rest("2026-03-10", reason: "Sick day"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_reason_is_none(string reason) =>
        Decided.Accepted(Decide(new SkipDay(Reason: reason)), Rest("2026-03-10"));

    [Theory]
    [InlineData("2026-03-02")] // the start date
    [InlineData("2026-03-09")] // yesterday
    public void A_skip_recorded_after_its_date_is_late(string date) =>
        Decided.Accepted(Decide(new SkipDay(Date(date))), Rest(date, late: true));

    [Theory]
    [InlineData("2026-03-11")] // tomorrow
    [InlineData("2026-04-09")] // exactly 30 days ahead
    public void A_rest_day_may_be_planned_up_to_30_days_ahead(string date) =>
        Decided.Accepted(Decide(new SkipDay(Date(date))), Rest(date));

    [Fact]
    public void A_rest_day_31_days_ahead_is_refused() =>
        Decided.Invalid(Decide(new SkipDay(Date("2026-04-10"))), "date");

    [Fact]
    public void A_date_before_the_start_is_refused() =>
        Decided.Invalid(Decide(new SkipDay(Date("2026-03-01"))), "date");

    [Fact]
    public void Rest_may_be_planned_before_a_notebook_that_starts_in_the_future_begins() =>
        Decided.Accepted(Decide(new SkipDay(Date("2026-03-21")), Notebook(Started(startDate: "2026-03-20"))), Rest("2026-03-21"));

    [Fact]
    public void Before_dayStartsAt_today_and_the_30_days_count_from_the_previous_date()
    {
        var nightOwl = Notebook(Started(dayStartsAt: "04:00"));
        const string night = "2026-03-10T02:00:00Z";

        Decided.Accepted(Decide(new SkipDay(), nightOwl, night), Rest("2026-03-09", recordedOn: "2026-03-09"));
        Decided.Accepted(Decide(new SkipDay(Date("2026-04-08")), nightOwl, night), Rest("2026-04-08", recordedOn: "2026-03-09"));
        Decided.Invalid(Decide(new SkipDay(Date("2026-04-09")), nightOwl, night), "date");
    }

    [Fact]
    public void A_date_with_an_entry_is_a_conflict() =>
        Decided.Conflict(Decide(new SkipDay(Date("2026-03-03")), Notebook(LoggedDays(3))), Refusals.DateAlreadyLogged);

    [Fact]
    public void A_date_already_skipped_is_a_conflict() =>
        Decided.Conflict(Decide(new SkipDay(Date("2026-03-12")), Notebook(Skipped("2026-03-12"))), Refusals.DateAlreadySkipped);

    [Fact]
    public void A_cancelled_skip_can_be_skipped_again() =>
        Decided.Accepted(Decide(new SkipDay(Date("2026-03-12")), Notebook(Skipped("2026-03-12"), new SkipCancelled(Date("2026-03-12")))),
            Rest("2026-03-12"));

    [Fact]
    public void A_retracted_entry_leaves_its_date_free_to_rest() =>
        Decided.Accepted(Decide(new SkipDay(Date("2026-03-09")), Notebook(Logged("2026-03-09"), new DayRetracted(Date("2026-03-09")))),
            Rest("2026-03-09", late: true));

    [Fact]
    public void A_completed_notebook_takes_no_rest_days() =>
        Decided.Conflict(Decide(new SkipDay(Date("2026-03-11")), Completed()), Refusals.NotebookCompleted);

    [Fact]
    public void An_abandoned_notebook_takes_no_rest_days() =>
        Decided.Conflict(Decide(new SkipDay(Date("2026-03-11")), Abandoned()), Refusals.NotebookAbandoned);

    [Fact]
    public void An_invalid_command_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(Decide(new SkipDay(Date("2026-03-01")), Abandoned()), "date");

    [Fact]
    public void A_null_body_is_a_malformed_request() => Decided.MissingBody(Decide(null));

    [Fact]
    public void A_reason_of_500_characters_is_accepted()
    {
        var reason = new string('r', 500);
        Decided.Accepted(Decide(new SkipDay(Reason: reason)), Rest("2026-03-10", reason: reason));
    }

    [Fact]
    public void A_reason_of_501_characters_is_refused() =>
        Decided.Invalid(Decide(new SkipDay(Reason: new string('r', 501))), "reason");

    [Theory]
    [InlineData("Sick\tday")]
    [InlineData("Sick\nday")]
    [InlineData("Sick\r\nday")]
    [InlineData("Sick\0day")]
    public void A_reason_is_one_line_without_control_characters(string reason) =>
        Decided.Invalid(Decide(new SkipDay(Reason: reason)), "reason");

    [Fact]
    public void A_reason_with_an_unpaired_surrogate_is_refused() =>
        Decided.Invalid(Decide(new SkipDay(Reason: "Sick " + '\uD800')), "reason");

    [Fact]
    public void Every_invalid_field_is_named_at_once() =>
        Decided.Invalid(Decide(new SkipDay(Date("2026-05-01"), "a\0b")), "date", "reason");
}
