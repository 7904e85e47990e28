namespace Journal.Notebooks.Deciders;

public static class ResumeNotebookDecider
{
    public static Decision Decide(Notebook notebook) =>
        notebook.Status != NotebookStatus.Abandoned
            ? Decision.Refuse(Refusals.Conflict(Refusals.NotebookNotAbandoned, $"The notebook is {notebook.Status}, not abandoned."))
            : Decision.Accept(new NotebookResumed());
}
