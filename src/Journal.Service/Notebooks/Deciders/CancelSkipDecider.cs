using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class CancelSkipDecider
{
    public static Decision Decide(Notebook notebook, string date)
    {
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (notebook.RefusesChanges() is { } closed) return Decision.Refuse(closed);
        if (!notebook.SkippedDates.Contains(day)) return Decision.Refuse(Refusals.NoRestDay(day));
        return Decision.Accept(new SkipCancelled(day));
    }
}
