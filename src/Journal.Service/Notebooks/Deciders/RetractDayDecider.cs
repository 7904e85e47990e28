using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class RetractDayDecider
{
    public static Decision Decide(Notebook notebook, string date)
    {
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (notebook.RefusesChanges() is { } closed) return Decision.Refuse(closed);
        if (!notebook.LoggedDates.Contains(day)) return Decision.Refuse(Refusals.NoEntry(day));
        return Decision.Accept([new DayRetracted(day), .. notebook.StatusAfter(notebook.LoggedDates.Count - 1, notebook.Plan.Days)]);
    }
}
