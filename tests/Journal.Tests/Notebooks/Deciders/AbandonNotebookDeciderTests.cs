using static Journal.Tests.Notebooks.Deciders.Given;

using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class AbandonNotebookDeciderTests
{
    [Fact]
    public void Without_a_body_the_notebook_is_abandoned_for_no_stated_reason() =>
        Decided.Accepted(AbandonNotebookDecider.Decide(null, Notebook(LoggedDays(2))), new NotebookAbandoned(null));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  \t ", null)]
    [InlineData("  Busy month \t", "Busy month")]
    public void The_reason_is_trimmed_and_a_blank_one_is_none(string? reason, string? decided) =>
        Decided.Accepted(AbandonNotebookDecider.Decide(new AbandonNotebook(reason), Notebook()), new NotebookAbandoned(decided));

    [Fact]
    public void A_reason_of_500_characters_is_accepted()
    {
        var reason = new string('r', 500);
        Decided.Accepted(AbandonNotebookDecider.Decide(new AbandonNotebook(reason), Notebook()), new NotebookAbandoned(reason));
    }

    [Fact]
    public void A_reason_of_501_characters_is_refused() =>
        Decided.Invalid(AbandonNotebookDecider.Decide(new AbandonNotebook(new string('r', 501)), Notebook()), "reason");

    [Theory]
    [InlineData("Busy\tmonth")]
    [InlineData("Busy\nmonth")]
    [InlineData("Busy\r\nmonth")]
    [InlineData("Busy\0month")]
    public void A_reason_is_one_line_without_control_characters(string reason) =>
        Decided.Invalid(AbandonNotebookDecider.Decide(new AbandonNotebook(reason), Notebook()), "reason");

    [Fact]
    public void A_reason_with_an_unpaired_surrogate_is_refused() =>
        Decided.Invalid(AbandonNotebookDecider.Decide(new AbandonNotebook('\uDFFF' + " busy"), Notebook()), "reason");

    [Fact]
    public void A_completed_notebook_cannot_be_abandoned()
    {
        var decision = AbandonNotebookDecider.Decide(null, Completed());
        Decided.Conflict(decision, Refusals.NotebookCompleted);
        Assert.Equal("The notebook is completed (5 / 5 days); a completed notebook cannot be abandoned.", decision.Refusal!.Detail);
    }

    [Fact]
    public void An_abandoned_notebook_cannot_be_abandoned_again() =>
        Decided.Conflict(AbandonNotebookDecider.Decide(new AbandonNotebook("Still busy"), Abandoned()), Refusals.NotebookAbandoned);

    [Fact]
    public void A_resumed_notebook_can_be_abandoned_again() =>
        Decided.Accepted(AbandonNotebookDecider.Decide(new AbandonNotebook("Busy again"), Notebook(new NotebookAbandoned(null), new NotebookResumed())),
            new NotebookAbandoned("Busy again"));

    [Fact]
    public void An_invalid_reason_is_a_400_even_on_a_completed_notebook() =>
        Decided.Invalid(AbandonNotebookDecider.Decide(new AbandonNotebook("a\0b"), Completed()), "reason");
}
