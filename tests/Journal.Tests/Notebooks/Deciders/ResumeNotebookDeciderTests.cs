using static Journal.Tests.Notebooks.Deciders.Given;

using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;

namespace Journal.Tests.Notebooks.Deciders;

public class ResumeNotebookDeciderTests
{
    [Fact]
    public void An_abandoned_notebook_is_resumed() =>
        Decided.Accepted(ResumeNotebookDecider.Decide(Abandoned()), new NotebookResumed());

    [Theory]
    [InlineData(NotebookStatus.InProgress)]
    [InlineData(NotebookStatus.Completed)]
    public void Only_an_abandoned_notebook_can_be_resumed(NotebookStatus status) =>
        Decided.Conflict(ResumeNotebookDecider.Decide(InState(status)), Refusals.NotebookNotAbandoned);

    [Fact]
    public void A_resumed_notebook_cannot_be_resumed_again() =>
        Decided.Conflict(ResumeNotebookDecider.Decide(Notebook(new NotebookAbandoned(null), new NotebookResumed())), Refusals.NotebookNotAbandoned);
}
