using Journal.Contracts;
using Npgsql;

namespace Journal.Bench.Peer;

/// <summary>
/// GET /api/notebooks/{id}: the token checked, then one round trip reading the notebook's row, its days and its rest
/// days; day numbers, streaks and pace computed from them, and Journal's <see cref="NotebookProgressResponse"/> answered.
/// </summary>
public static class ProgressEndpoint
{
    public static async Task<IResult> GetAsync(Guid notebookId, NpgsqlDataSource data, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await Accounts.AuthenticateAsync(http, data, Accounts.ReadScope) is not { } account) return Results.Unauthorized();

        await using var connection = await data.OpenConnectionAsync(ct);
        await using var read = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("""
                    SELECT title, spark, status, plan_days, span_days, minutes_per_day, start_date, time_zone, day_starts_at,
                           days_logged, days_skipped, minutes_studied, last_studied_on, version
                    FROM peer.notebooks WHERE id = $1 AND account_id = $2
                    """) { Parameters = { new() { Value = notebookId }, new() { Value = account } } },
                new("SELECT date, title, summary, minutes, backfilled FROM peer.days WHERE notebook_id = $1 ORDER BY date")
                    { Parameters = { new() { Value = notebookId } } },
                new("SELECT date, reason, late FROM peer.skips WHERE notebook_id = $1 ORDER BY date")
                    { Parameters = { new() { Value = notebookId } } },
            },
        };
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return NotebookRules.NotebookMissing(notebookId);
        var title = reader.GetString(0);
        var spark = reader.IsDBNull(1) ? null : reader.GetString(1);
        var status = reader.GetString(2);
        var plan = new Plan(reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5));
        var startDate = reader.GetFieldValue<DateOnly>(6);
        var timeZone = reader.GetString(7);
        var dayStartsAt = reader.GetFieldValue<TimeOnly>(8);
        var (daysLogged, daysSkipped, minutesStudied) = (reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11));
        DateOnly? lastStudiedOn = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12);
        var version = reader.GetInt64(13);

        await reader.NextResultAsync(ct);
        var days = new List<DaySummary>(daysLogged);
        while (await reader.ReadAsync(ct))
        {
            days.Add(new DaySummary(days.Count + 1, reader.GetFieldValue<DateOnly>(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetBoolean(4)));
        }
        await reader.NextResultAsync(ct);
        var skips = new List<SkipSummary>();
        while (await reader.ReadAsync(ct))
            skips.Add(new SkipSummary(reader.GetFieldValue<DateOnly>(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2)));

        var today = NotebookRules.Today(clock.GetUtcNow(), timeZone, dayStartsAt);
        var (current, longest) = NotebookRules.Streaks(days.Select(d => d.Date), skips.Select(s => s.Date), today);
        http.Response.Headers.ETag = $"\"{version}\"";
        return Results.Ok(new NotebookProgressResponse(
            notebookId, title, spark, status, plan, startDate, NotebookRules.Deadline(startDate, plan.SpanDays), timeZone, dayStartsAt,
            daysLogged, daysSkipped, minutesStudied, NotebookRules.ProgressText(daysLogged, plan.Days), current, longest, lastStudiedOn,
            NotebookRules.Pace(status, plan, startDate, today, daysLogged), days, skips, version));
    }
}
