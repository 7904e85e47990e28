using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class StartNotebookDecider
{
    public static Decision Decide(StartNotebook? command, DateTimeOffset now, Func<Guid> newId)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        if (command.Id == Guid.Empty) fields.Fail("id", "id may not be the empty GUID; leave it out to have one made.");
        var title = fields.Line("title", command.Title, Limits.TitleLength, required: true);
        var spark = fields.Block("spark", command.Spark, Limits.SparkLength);
        var plan = PlanRules.Check(fields, "plan", command.Plan);
        var zone = TimeZones.Check(fields, "timeZone", command.TimeZone ?? "UTC");
        var dayStartsAt = command.DayStartsAt ?? TimeOnly.MinValue;

        var today = LocalDates.Today(now, zone ?? TimeZoneInfo.Utc, dayStartsAt);
        var startDate = command.StartDate ?? today;
        if (startDate < Limits.EarliestStartDate || startDate.DayNumber - today.DayNumber > Limits.StartDateAheadDays)
            fields.Fail("startDate",
                $"startDate must lie between {Limits.EarliestStartDate:yyyy-MM-dd} and {Limits.StartDateAheadDays} days after today ({today.AddDays(Limits.StartDateAheadDays):yyyy-MM-dd}).");

        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new NotebookStarted(command.Id ?? newId(), title!, spark, plan!, startDate, command.TimeZone ?? "UTC", dayStartsAt));
    }
}
