using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace Journal.Bench;

/// <summary>
/// The database's own ceiling for the same work, written by hand with Npgsql against tables of its own in
/// schema <c>bench_baseline</c> (shaped like Marten's: events with a unique stream and version, streams with
/// a version, progress as a jsonb document), so it never touches Journal's data. A LogDay is one round trip
/// reading the stream version and the progress document, then one round trip carrying the transaction that
/// appends the event, bumps the version and writes the updated document.
/// </summary>
internal sealed class Baseline : IAsyncDisposable
{
    public const string Schema = "bench_baseline";
    private readonly NpgsqlDataSource _data;

    private Baseline(NpgsqlDataSource data)
    {
        _data = data;
        Targets = new DayTargets("baseline", StartNotebookAsync);
    }

    public DayTargets Targets { get; }

    /// <summary>The connection settings a careful hand-written service would use: prepared statements, no reset round trip.</summary>
    public static async Task<Baseline> CreateAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 64, NoResetOnClose = true, MaxAutoPrepare = 50, AutoPrepareMinUsages = 2,
        };
        var baseline = new Baseline(NpgsqlDataSource.Create(builder.ConnectionString));
        await using var command = baseline._data.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {Schema};
            CREATE TABLE IF NOT EXISTS {Schema}.streams (
                id uuid PRIMARY KEY, type varchar, version bigint NOT NULL,
                timestamp timestamptz NOT NULL DEFAULT now(), created timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS {Schema}.events (
                seq_id bigserial PRIMARY KEY, id uuid NOT NULL, stream_id uuid NOT NULL REFERENCES {Schema}.streams (id),
                version bigint NOT NULL, data jsonb NOT NULL, type varchar(500) NOT NULL,
                timestamp timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, version));
            CREATE TABLE IF NOT EXISTS {Schema}.progress (
                id uuid PRIMARY KEY, data jsonb NOT NULL, version bigint NOT NULL, last_modified timestamptz NOT NULL DEFAULT now());
            """);
        await command.ExecuteNonQueryAsync(ct);
        return baseline;
    }

    public async Task<Guid> StartNotebookAsync(DateOnly startDate, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var started = new JsonObject
        {
            ["notebookId"] = id, ["title"] = "Benchmark notebook", ["spark"] = "How fast is it?",
            ["plan"] = new JsonObject { ["days"] = 366, ["spanDays"] = 731, ["minutesPerDay"] = 60 },
            ["startDate"] = Iso(startDate), ["timeZone"] = "UTC", ["dayStartsAt"] = "00:00:00",
        };
        var progress = new JsonObject
        {
            ["id"] = id, ["version"] = 1, ["title"] = "Benchmark notebook", ["spark"] = "How fast is it?", ["status"] = "InProgress",
            ["plan"] = new JsonObject { ["days"] = 366, ["spanDays"] = 731, ["minutesPerDay"] = 60 },
            ["startDate"] = Iso(startDate), ["deadline"] = Iso(startDate.AddDays(730)), ["timeZone"] = "UTC", ["dayStartsAt"] = "00:00:00",
            ["daysLogged"] = 0, ["daysSkipped"] = 0, ["minutesStudied"] = 0, ["longestStreak"] = 0, ["lastStudiedOn"] = null,
            ["lastActivityAt"] = DateTimeOffset.UtcNow, ["days"] = new JsonArray(), ["skips"] = new JsonArray(),
        };
        await using var connection = await _data.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"INSERT INTO {Schema}.streams (id, type, version) VALUES ($1, 'notebook', 1)", id),
                Command($"INSERT INTO {Schema}.events (id, stream_id, version, data, type) VALUES ($1, $2, 1, $3, 'notebook_started')",
                    Guid.CreateVersion7(), id, Jsonb(started.ToJsonString())),
                Command($"INSERT INTO {Schema}.progress (id, data, version) VALUES ($1, $2, 1)", id, Jsonb(progress.ToJsonString())),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        return id;
    }

    public async ValueTask<bool> LogDayAsync(int lane, CancellationToken ct)
    {
        var (notebook, date) = await Targets.NextAsync(lane, ct);
        return await LogDayAsync(notebook, date, ct);
    }

    public async ValueTask<bool> LogDayAsync(Guid notebook, DateOnly date, CancellationToken ct)
    {
        await using var connection = await _data.OpenConnectionAsync(ct);

        long version;
        string document;
        await using (var read = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT version FROM {Schema}.streams WHERE id = $1", notebook),
                Command($"SELECT data FROM {Schema}.progress WHERE id = $1", notebook),
            },
        })
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return false;
            version = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            if (!await reader.ReadAsync(ct)) return false;
            document = reader.GetString(0);
        }

        // The same decision data a service would keep: the event, and the progress document with the day added.
        var today = DayTargets.TodayUtc;
        var logged = new JsonObject
        {
            ["date"] = Iso(date), ["title"] = Payloads.Title(date), ["summary"] = Payloads.Summary, ["entry"] = Payloads.Entry,
            ["minutes"] = Payloads.Minutes, ["recordedOn"] = Iso(today), ["backfilled"] = date < today, ["supersededSkip"] = false,
        };
        var progress = JsonNode.Parse(document)!.AsObject();
        var days = progress["days"]!.AsArray();
        days.Add(new JsonObject
        {
            ["date"] = Iso(date), ["title"] = Payloads.Title(date), ["summary"] = Payloads.Summary,
            ["minutes"] = Payloads.Minutes, ["backfilled"] = date < today,
        });
        progress["version"] = version + 1;
        progress["daysLogged"] = days.Count;
        progress["minutesStudied"] = days.Count * Payloads.Minutes;
        progress["lastStudiedOn"] = Iso(date);
        progress["lastActivityAt"] = DateTimeOffset.UtcNow;

        // Without an explicit transaction, Npgsql runs a batch as one implicit transaction: all three or none.
        // The unique (stream_id, version) index is the optimistic concurrency check, as in Marten.
        await using var write = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"INSERT INTO {Schema}.events (id, stream_id, version, data, type) VALUES ($1, $2, $3, $4, 'day_logged')",
                    Guid.CreateVersion7(), notebook, version + 1, Jsonb(logged.ToJsonString())),
                Command($"UPDATE {Schema}.streams SET version = $2, timestamp = now() WHERE id = $1 AND version = $3",
                    notebook, version + 1, version),
                Command($"UPDATE {Schema}.progress SET data = $2, version = $3, last_modified = now() WHERE id = $1",
                    notebook, Jsonb(progress.ToJsonString()), version + 1),
            },
        };
        try
        {
            await write.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>The raw read: one progress document by key, as text, from Journal's own table.</summary>
    public async ValueTask<bool> ReadDocumentAsync(Guid id, CancellationToken ct)
    {
        await using var command = _data.CreateCommand($"SELECT data FROM journal.mt_doc_notebookprogress WHERE id = $1 /* {Schema} */");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && reader.GetString(0).Length > 0;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(p as NpgsqlParameter ?? new NpgsqlParameter { Value = p });
        return command;
    }

    public ValueTask DisposeAsync() => _data.DisposeAsync();
}
