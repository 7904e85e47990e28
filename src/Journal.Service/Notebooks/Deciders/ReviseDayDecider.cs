using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class ReviseDayDecider
{
    public static Decision Decide(ReviseDay? command, Notebook notebook, string date)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        var revised = DayFields.Check(fields, command.Title, command.Summary, command.Entry, command.Minutes);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);

        if (notebook.RefusesChanges() is { } closed) return Decision.Refuse(closed);
        if (!notebook.LoggedDates.Contains(day)) return Decision.Refuse(Refusals.NoEntry(day));
        return Decision.Accept(new DayRevised(day, revised.Title!, revised.Summary, revised.Entry, revised.Minutes));
    }
}
