using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class ChangePlanDecider
{
    public static Decision Decide(ChangePlan? command, Notebook notebook)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        var plan = PlanRules.Check(fields, "", new Plan(command.Days, command.SpanDays, command.MinutesPerDay));
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (notebook.RefusesChanges() is { } closed) return Decision.Refuse(closed);
        if (plan == notebook.Plan) return Decision.Accept(); // the plan it already has: nothing happened, nothing to record
        return Decision.Accept([new PlanChanged(plan!), .. notebook.StatusAfter(notebook.LoggedDates.Count, plan!.Days)]);
    }
}
