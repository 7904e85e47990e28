using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class AbandonNotebookDecider
{
    public static Decision Decide(AbandonNotebook? command, Notebook notebook)
    {
        var fields = new FieldRules();
        var reason = fields.Line("reason", command?.Reason, Limits.ReasonLength, required: false);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (notebook.Status == NotebookStatus.Completed)
            return Decision.Refuse(Refusals.Conflict(Refusals.NotebookCompleted,
                $"The notebook is completed ({notebook.LoggedDates.Count} / {notebook.Plan.Days} days); a completed notebook cannot be abandoned."));
        if (notebook.RefusesChanges() is { } abandoned) return Decision.Refuse(abandoned);
        return Decision.Accept(new NotebookAbandoned(reason));
    }
}
