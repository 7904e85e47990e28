using static Journal.Tests.Notebooks.Decisions.Given;

using Journal.Hosting;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks.Decisions;

public class ResumeNotebookDecisionTests
{
    [Fact]
    public void An_abandoned_notebook_is_resumed() =>
        Decided.Accepted(ResumeNotebookEndpoint.Decide(Abandoned()), new NotebookResumed());

    [Theory]
    [InlineData(NotebookStatus.InProgress)]
    [InlineData(NotebookStatus.Completed)]
    public void Only_an_abandoned_notebook_can_be_resumed(NotebookStatus status) =>
        Decided.Conflict(ResumeNotebookEndpoint.Decide(InState(status)), ProblemTypes.NotebookNotAbandoned);

    [Fact]
    public void A_resumed_notebook_cannot_be_resumed_again() =>
        Decided.Conflict(ResumeNotebookEndpoint.Decide(Notebook(new NotebookAbandoned(null), new NotebookResumed())), ProblemTypes.NotebookNotAbandoned);
}
