using Journal.Contracts;
using Npgsql;

namespace Journal.Bench.Peer;

/// <summary>POST /api/notebooks: one row, version 1 (the benchmark starts its notebooks with it).</summary>
public static class StartNotebookEndpoint
{
    public static async Task<IResult> PostAsync(StartNotebook command, NpgsqlDataSource data, TimeProvider clock, HttpContext http)
    {
        if (await Accounts.AuthenticateAsync(http, data, Accounts.WriteScope) is not { } account) return Results.Unauthorized();
        var plan = command.Plan;
        if (string.IsNullOrWhiteSpace(command.Title) || command.Title.Length > 200) return NotebookRules.Invalid("title", "title is required, at most 200 characters.");
        if (plan is null || plan.Days is < 1 or > 366 || plan.SpanDays < plan.Days || plan.SpanDays > 731 || plan.MinutesPerDay is < 1 or > 1440)
            return NotebookRules.Invalid("plan", "plan: days 1–366, spanDays from days to 731, minutesPerDay 1–1440.");
        var timeZone = command.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) return NotebookRules.Invalid("timeZone", $"{timeZone} is not a known time zone.");
        var dayStartsAt = command.DayStartsAt ?? TimeOnly.MinValue;
        var startDate = command.StartDate ?? NotebookRules.Today(clock.GetUtcNow(), timeZone, dayStartsAt);
        if (startDate < new DateOnly(1970, 1, 1)) return NotebookRules.Invalid("startDate", "startDate is 1970-01-01 or later.");

        var id = command.Id ?? Guid.CreateVersion7();
        await using var insert = data.CreateCommand("""
            INSERT INTO peer.notebooks (id, account_id, title, spark, plan_days, span_days, minutes_per_day, start_date, time_zone, day_starts_at, status, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)
            """);
        foreach (var value in new object?[] { id, account, command.Title.Trim(), command.Spark, plan.Days, plan.SpanDays, plan.MinutesPerDay, startDate, timeZone, dayStartsAt, NotebookRules.InProgress })
            insert.Parameters.Add(new() { Value = value ?? DBNull.Value });
        try
        {
            await insert.ExecuteNonQueryAsync(http.RequestAborted);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NotebookRules.Problem(StatusCodes.Status409Conflict, "The notebook exists", $"Notebook {id} exists already.");
        }
        http.Response.Headers.ETag = "\"1\"";
        return Results.Created($"/api/notebooks/{id}", new NotebookStartedResponse(id, 1));
    }
}
