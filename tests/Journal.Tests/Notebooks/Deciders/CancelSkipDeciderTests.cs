using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class CancelSkipDeciderTests
{
    [Theory]
    [InlineData("2026-03-05")] // a past rest day
    [InlineData("2026-03-20")] // a planned one
    public void A_rest_day_is_cancelled_by_a_compensating_event(string date) =>
        Decided.Accepted(CancelSkipDecider.Decide(Notebook(Skipped("2026-03-05"), Skipped("2026-03-20")), date),
            new SkipCancelled(Date(date)));

    [Fact]
    public void A_rest_day_of_a_completed_notebook_can_be_cancelled() =>
        Decided.Accepted(CancelSkipDecider.Decide(Notebook([Skipped("2026-03-09"), .. LoggedDays(5), new NotebookCompleted(5, 5)]), "2026-03-09"),
            new SkipCancelled(Date("2026-03-09")));

    [Theory]
    [InlineData("2026-03-04")] // never skipped
    [InlineData("2026-03-02")] // logged, not skipped
    [InlineData("2026-03-05")] // skipped, then the entry superseded the skip
    [InlineData("2026-03-06")] // skipped, then cancelled
    public void A_date_that_is_not_a_rest_day_is_not_found(string date)
    {
        var notebook = Notebook(Logged("2026-03-02"), Skipped("2026-03-05"),
            Logged("2026-03-05") with { SupersededSkip = true }, Skipped("2026-03-06"), new SkipCancelled(Date("2026-03-06")));

        Decided.NotFound(CancelSkipDecider.Decide(notebook, date), Refusals.SkipNotFound);
    }

    [Fact]
    public void A_rest_day_of_an_abandoned_notebook_cannot_be_cancelled() =>
        Decided.Conflict(CancelSkipDecider.Decide(Notebook(Skipped("2026-03-05"), new NotebookAbandoned(null)), "2026-03-05"),
            Refusals.NotebookAbandoned);

    [Theory]
    [InlineData("2026-3-5")]
    [InlineData("2026-03-32")]
    [InlineData("2026-03-05 ")]
    [InlineData("")]
    public void A_date_in_the_address_that_is_not_yyyy_MM_dd_is_refused(string date) =>
        Decided.Invalid(CancelSkipDecider.Decide(Notebook(Skipped("2026-03-05")), date), "date");

    [Fact]
    public void A_malformed_date_is_a_400_even_on_an_abandoned_notebook() =>
        Decided.Invalid(CancelSkipDecider.Decide(Abandoned(), "soon"), "date");
}
