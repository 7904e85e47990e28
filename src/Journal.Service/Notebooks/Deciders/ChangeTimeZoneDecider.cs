using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class ChangeTimeZoneDecider
{
    public static Decision Decide(ChangeTimeZone? command, Notebook notebook)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        TimeZones.Check(fields, "timeZone", command.TimeZone);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (notebook.RefusesChanges() is { } closed) return Decision.Refuse(closed);
        var dayStartsAt = command.DayStartsAt ?? notebook.DayStartsAt;
        // The zone and day start it already has: nothing happened, nothing to record.
        if (command.TimeZone == notebook.TimeZone && dayStartsAt == notebook.DayStartsAt) return Decision.Accept();
        return Decision.Accept(new TimeZoneChanged(command.TimeZone, dayStartsAt));
    }
}
