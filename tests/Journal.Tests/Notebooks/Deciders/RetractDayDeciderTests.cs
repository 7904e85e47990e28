using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class RetractDayDeciderTests
{
    [Fact]
    public void A_logged_date_is_retracted_by_a_compensating_event() =>
        Decided.Accepted(RetractDayDecider.Decide(Notebook(LoggedDays(3)), "2026-03-03"), new DayRetracted(Date("2026-03-03")));

    [Fact]
    public void Retracting_a_day_of_a_completed_notebook_reopens_it() =>
        Decided.Accepted(RetractDayDecider.Decide(Completed(), "2026-03-04"),
            new DayRetracted(Date("2026-03-04")), new NotebookReopened(4, 5));

    [Fact]
    public void A_notebook_still_at_its_plan_after_the_retraction_stays_completed()
    {
        // Five days logged, then the plan lowered to three: completed with two to spare.
        var notebook = Notebook([.. LoggedDays(5), new PlanChanged(new Plan(3, 7)), new NotebookCompleted(5, 3)]);

        Decided.Accepted(RetractDayDecider.Decide(notebook, "2026-03-02"), new DayRetracted(Date("2026-03-02")));
    }

    [Theory]
    [InlineData("2026-03-04")] // never logged
    [InlineData("2026-03-05")] // rested, not logged
    [InlineData("2026-03-03")] // already retracted
    public void A_date_without_an_entry_is_not_found(string date) =>
        Decided.NotFound(
            RetractDayDecider.Decide(Notebook(Logged("2026-03-02"), Logged("2026-03-03"), Skipped("2026-03-05"), new DayRetracted(Date("2026-03-03"))), date),
            Refusals.DayNotFound);

    [Fact]
    public void A_day_of_an_abandoned_notebook_cannot_be_retracted() =>
        Decided.Conflict(RetractDayDecider.Decide(Abandoned(), "2026-03-02"), Refusals.NotebookAbandoned);

    [Theory]
    [InlineData("2026-3-3")]
    [InlineData("2026-02-29")] // 2026 is no leap year
    [InlineData("03/03/2026")]
    [InlineData("")]
    public void A_date_in_the_address_that_is_not_yyyy_MM_dd_is_refused(string date) =>
        Decided.Invalid(RetractDayDecider.Decide(Notebook(LoggedDays(3)), date), "date");

    [Fact]
    public void A_malformed_date_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(RetractDayDecider.Decide(Abandoned(), "yesterday"), "date");
}
