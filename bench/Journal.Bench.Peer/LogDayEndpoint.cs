using Journal.Contracts;
using Npgsql;

namespace Journal.Bench.Peer;

/// <summary>
/// POST /api/notebooks/{id}/days, as a team would write it by hand: the token checked; in one transaction the notebook's
/// row read and locked (FOR UPDATE, so LogDays on one notebook take turns), the dates checked against it, then one
/// batch that inserts the day (its primary key refuses a date already logged), drops a rest day on that date, updates
/// the counts and status, and counts the day's number; commit. 201 with Journal's answer.
/// </summary>
public static class LogDayEndpoint
{
    public static async Task<IResult> PostAsync(Guid notebookId, LogDay command, NpgsqlDataSource data, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await Accounts.AuthenticateAsync(http, data, Accounts.WriteScope) is not { } account) return Results.Unauthorized();
        if (NotebookRules.InvalidDay(command) is { } invalid) return invalid;

        await using var connection = await data.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        string status;
        DateOnly startDate, today;
        await using (var read = new NpgsqlCommand(
            "SELECT status, start_date, time_zone, day_starts_at FROM peer.notebooks WHERE id = $1 AND account_id = $2 FOR UPDATE", connection, transaction))
        {
            read.Parameters.Add(new() { Value = notebookId });
            read.Parameters.Add(new() { Value = account });
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return NotebookRules.NotebookMissing(notebookId);
            status = reader.GetString(0);
            startDate = reader.GetFieldValue<DateOnly>(1);
            today = NotebookRules.Today(clock.GetUtcNow(), reader.GetString(2), reader.GetFieldValue<TimeOnly>(3));
        }
        var date = command.Date ?? today;
        if (date < startDate) return NotebookRules.Invalid("date", $"date {date:yyyy-MM-dd} is before the notebook's start ({startDate:yyyy-MM-dd}).");
        if (date > today) return NotebookRules.Invalid("date", $"date {date:yyyy-MM-dd} is in the future; today is {today:yyyy-MM-dd}.");
        if (status != NotebookRules.InProgress)
            return NotebookRules.Problem(StatusCodes.Status409Conflict, "The notebook takes no new days", $"The notebook is {status.ToLowerInvariant()}.");

        var minutes = command.Minutes ?? 0;
        await using var write = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("""
                    INSERT INTO peer.days (notebook_id, date, title, summary, entry, minutes, recorded_on, backfilled)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """, notebookId, date, command.Title.Trim(), command.Summary, command.Entry, command.Minutes, today, date < today),
                Command("""
                    WITH rest AS (DELETE FROM peer.skips WHERE notebook_id = $1 AND date = $2 RETURNING 1)
                    UPDATE peer.notebooks SET days_logged = days_logged + 1, days_skipped = days_skipped - (SELECT count(*) FROM rest),
                        minutes_studied = minutes_studied + $3, last_studied_on = GREATEST(last_studied_on, $2),
                        status = CASE WHEN days_logged + 1 >= plan_days THEN 'Completed' ELSE status END,
                        version = version + 1, last_activity_at = now()
                    WHERE id = $1 RETURNING version
                    """, notebookId, date, minutes),
                Command("SELECT count(*) FROM peer.days WHERE notebook_id = $1 AND date <= $2", notebookId, date),
            },
        };
        long version, dayNumber;
        try
        {
            // The INSERT returns no rows, so the reader's first result is the UPDATE's.
            await using var reader = await write.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            version = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            dayNumber = reader.GetInt64(0);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NotebookRules.Problem(StatusCodes.Status409Conflict, "The date already has an entry",
                $"{date:yyyy-MM-dd} already has an entry; revise it with PUT instead.");
        }
        await transaction.CommitAsync(ct);
        http.Response.Headers.ETag = $"\"{version}\"";
        return Results.Created($"/api/notebooks/{notebookId}/days/{date:yyyy-MM-dd}", new DayLoggedResponse(date, (int)dayNumber, version));
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return command;
    }
}
