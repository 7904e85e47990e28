using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class SkipDayDecider
{
    public static Decision Decide(SkipDay? command, Notebook notebook, DateTimeOffset now)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        var reason = fields.Line("reason", command.Reason, Limits.ReasonLength, required: false);
        var today = notebook.Today(now);
        var date = command.Date ?? today;
        if (date < notebook.StartDate)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is before the notebook's start ({notebook.StartDate:yyyy-MM-dd}).");
        if (date > today.AddDays(Limits.RestDaysAhead))
            fields.Fail("date", $"date {date:yyyy-MM-dd} is more than {Limits.RestDaysAhead} days ahead of today ({today:yyyy-MM-dd}).");
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);

        if (notebook.RefusesNewDays() is { } closed) return Decision.Refuse(closed);
        if (notebook.LoggedDates.Contains(date))
            return Decision.Refuse(Refusals.Conflict(Refusals.DateAlreadyLogged, $"{date:yyyy-MM-dd} already has an entry; retract it first to rest instead."));
        if (notebook.SkippedDates.Contains(date))
            return Decision.Refuse(Refusals.Conflict(Refusals.DateAlreadySkipped, $"{date:yyyy-MM-dd} is already a rest day."));

        return Decision.Accept(new DaySkipped(date, reason, RecordedOn: today, Late: date < today));
    }
}
