using System.Globalization;
using Journal.Contracts;

namespace Journal.Bench.Peer;

/// <summary>The rules the peer's two endpoints need, written plainly: field limits, today, streaks and pace.</summary>
public static class NotebookRules
{
    public const string InProgress = "InProgress";
    public const string Completed = "Completed";

    /// <summary>A 400 naming the fields out of their limits (Journal's limits), or null.</summary>
    public static IResult? InvalidDay(LogDay? day)
    {
        if (day is null) return Invalid("body", "A JSON body is required.");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(day.Title) || day.Title.Length > 200) errors["title"] = ["title is required, at most 200 characters."];
        if (day.Summary is { Length: > 2_000 }) errors["summary"] = ["summary is at most 2,000 characters."];
        if (day.Entry is { Length: > 100_000 }) errors["entry"] = ["entry is at most 100,000 characters."];
        if (day.Minutes is < 1 or > 1440) errors["minutes"] = ["minutes is between 1 and 1440."];
        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }

    public static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);

    public static IResult NotebookMissing(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Notebook not found", $"There is no notebook {id}.");

    /// <summary>The notebook's local date at <paramref name="now"/>: its zone's wall clock, less the hour its day starts at.</summary>
    public static DateOnly Today(DateTimeOffset now, string timeZone, TimeOnly dayStartsAt) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime - dayStartsAt.ToTimeSpan());

    public static string ProgressText(int daysLogged, int plannedDays) =>
        string.Create(CultureInfo.InvariantCulture, $"{daysLogged} / {plannedDays} days");

    /// <summary>
    /// Runs of consecutive dates studied or rested up to today, counting studied dates: the longest, and the last one
    /// if it reaches yesterday or today.
    /// </summary>
    public static (int Current, int Longest) Streaks(IEnumerable<DateOnly> studied, IEnumerable<DateOnly> rested, DateOnly today)
    {
        var studiedDates = studied.Where(d => d <= today).ToHashSet();
        var (run, longest) = (0, 0);
        DateOnly? previous = null;
        foreach (var date in studiedDates.Concat(rested.Where(d => d <= today)).Distinct().Order())
        {
            if (previous is { } p && date != p.AddDays(1)) run = 0;
            if (studiedDates.Contains(date)) run++;
            longest = Math.Max(longest, run);
            previous = date;
        }
        return (previous is { } last && last >= today.AddDays(-1) ? run : 0, longest);
    }

    /// <summary>ceil(planned × elapsed ÷ span) expected by today, and where the notebook stands against it.</summary>
    public static PaceResponse Pace(string status, Plan plan, DateOnly startDate, DateOnly today, int daysLogged)
    {
        var elapsed = Math.Clamp(today.DayNumber - startDate.DayNumber + 1, 0, plan.SpanDays);
        var expected = (plan.Days * elapsed + plan.SpanDays - 1) / plan.SpanDays;
        var state = true switch
        {
            _ when status == Completed || daysLogged >= plan.Days => Completed,
            _ when today > Deadline(startDate, plan.SpanDays) => "Overdue",
            _ when daysLogged > expected => "Ahead",
            _ when daysLogged == expected => "OnTrack",
            _ => "Behind",
        };
        return new PaceResponse(state, expected);
    }

    public static DateOnly Deadline(DateOnly startDate, int spanDays) => startDate.AddDays(spanDays - 1);
}
