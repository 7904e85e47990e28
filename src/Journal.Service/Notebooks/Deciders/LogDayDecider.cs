using Journal.Contracts;
using Journal.Notebooks.Rules;

namespace Journal.Notebooks.Deciders;

public static class LogDayDecider
{
    public static Decision Decide(LogDay? command, Notebook notebook, DateTimeOffset now)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        var day = DayFields.Check(fields, command.Title, command.Summary, command.Entry, command.Minutes);

        var today = notebook.Today(now);
        var date = command.Date ?? today;
        if (date < notebook.StartDate)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is before the notebook's start ({notebook.StartDate:yyyy-MM-dd}).");
        if (date > today)
            fields.Fail("date", $"date {date:yyyy-MM-dd} is in the future; today is {today:yyyy-MM-dd} in {notebook.TimeZone}.");
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);

        if (notebook.RefusesNewDays() is { } closed) return Decision.Refuse(closed);
        if (notebook.LoggedDates.Contains(date))
            return Decision.Refuse(Refusals.Conflict(Refusals.DateAlreadyLogged,
                $"{date:yyyy-MM-dd} already has an entry (Day {notebook.DayNumberOf(date)}); revise it with PUT instead."));

        var logged = new DayLogged(date, day.Title!, day.Summary, day.Entry, day.Minutes,
            RecordedOn: today, Backfilled: date < today, SupersededSkip: notebook.SkippedDates.Contains(date));
        return Decision.Accept([logged, .. notebook.StatusAfter(notebook.LoggedDates.Count + 1, notebook.Plan.Days)]);
    }
}
