namespace Journal.Contracts;

/// <summary>A study plan: "10 days (2 weeks) · 1 hr / day" is days 10, spanDays 14, minutesPerDay 60.</summary>
public sealed record Plan(int Days, int SpanDays, int? MinutesPerDay = null);

/// <summary>POST /api/notebooks</summary>
public sealed record StartNotebook(
    string Title,
    Plan Plan,
    Guid? Id = null,
    string? Spark = null,
    DateOnly? StartDate = null,
    string? TimeZone = null,
    TimeOnly? DayStartsAt = null);

/// <summary>POST /api/notebooks/{id}/days</summary>
public sealed record LogDay(string Title, DateOnly? Date = null, string? Summary = null, string? Entry = null, int? Minutes = null);

/// <summary>POST /api/notebooks/{id}/skips</summary>
public sealed record SkipDay(DateOnly? Date = null, string? Reason = null);

/// <summary>PUT /api/notebooks/{id}/days/{date}</summary>
public sealed record ReviseDay(string Title, string? Summary = null, string? Entry = null, int? Minutes = null);

/// <summary>PUT /api/notebooks/{id}/plan</summary>
public sealed record ChangePlan(int Days, int SpanDays, int? MinutesPerDay = null);

/// <summary>PUT /api/notebooks/{id}/time-zone</summary>
public sealed record ChangeTimeZone(string TimeZone, TimeOnly? DayStartsAt = null);

/// <summary>POST /api/notebooks/{id}/abandon</summary>
public sealed record AbandonNotebook(string? Reason = null);

/// <summary>POST /api/notebooks/{id}/resume: the body is optional and, when sent, an empty object.</summary>
public sealed record ResumeNotebook;
