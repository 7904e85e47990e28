using System.Globalization;
using System.Text.Json.Nodes;
using Journal.Contracts;
using Journal.Hosting;
using Npgsql;

namespace Journal.Reliability;

/// <summary>A request sent with an Idempotency-Key and the answer it got, to send again later and expect the same answer.</summary>
public sealed record KeyedRequest(string Path, object Body, string Key, int Status, string Text);

/// <summary>What the service was told and answered about some notebooks, kept to check them against a later build or a restore.</summary>
public sealed class Story
{
    public List<Guid> Notebooks { get; } = [];
    /// <summary>Every LogDay answered 2xx (notebook, date), minus those retracted on purpose: each must be in the store once.</summary>
    public HashSet<(Guid Notebook, DateOnly Date)> Logged { get; } = [];
    public List<KeyedRequest> Keyed { get; } = [];
    public int Requests { get; private set; }
    public int Acknowledged { get; private set; }

    /// <summary>
    /// Writes varied notebooks with the commands every release since v0.2.0 has: starts, days with and without
    /// Idempotency-Keys, a rest day, a revision, a retraction, a plan change, abandon and resume.
    /// </summary>
    public async Task WriteAsync(JsonApi api, int notebooks, string title)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-20);
        for (var i = 0; i < notebooks; i++)
        {
            var zone = i % 2 == 0 ? "UTC" : "Europe/Berlin";
            var started = await Send(api, 201, HttpMethod.Post, "/api/notebooks",
                new StartNotebook($"{title} {i}", new Plan(10, 20, 30), Spark: "Written before the change.", StartDate: start, TimeZone: zone), $"{title}-{i}-start");
            var id = Guid.Parse(started.Json["id"]!.GetValue<string>());
            Notebooks.Add(id);
            for (var d = 0; d < 9; d++)
            {
                var date = start.AddDays(d);
                if (d == 3)
                {
                    await Send(api, 201, HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(date, "Rest"), $"{title}-{i}-skip-{d}");
                    continue;
                }
                var key = d % 2 == 0 ? $"{title}-{i}-day-{d}" : null;
                var body = new LogDay($"Day {d}", date, $"Summary {d}", $"# Day {d}\n\nWritten by the harness.", 20 + d);
                await Send(api, 201, HttpMethod.Post, $"/api/notebooks/{id}/days", body, key);
                Logged.Add((id, date));
            }
            await Send(api, 200, HttpMethod.Put, $"/api/notebooks/{id}/days/{start.AddDays(1):yyyy-MM-dd}", new ReviseDay("Day 1, revised", Minutes: 45));
            await Send(api, 200, HttpMethod.Delete, $"/api/notebooks/{id}/days/{start.AddDays(2):yyyy-MM-dd}");
            Logged.Remove((id, start.AddDays(2)));
            if (i % 3 == 1) await Send(api, 200, HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(12, 20, 25));
            if (i % 3 == 2)
            {
                await Send(api, 200, HttpMethod.Post, $"/api/notebooks/{id}/abandon", new AbandonNotebook("Paused"));
                await Send(api, 200, HttpMethod.Post, $"/api/notebooks/{id}/resume");
            }
        }
    }

    private async Task<Reply> Send(JsonApi api, int status, HttpMethod method, string path, object? body = null, string? key = null)
    {
        Requests++;
        var reply = await api.ExpectAsync(status, method, path, body, key);
        Acknowledged++;
        if (key is not null) Keyed.Add(new KeyedRequest(path, body!, key, reply.Status, reply.Text));
        return reply;
    }

    /// <summary>Each notebook's progress, day pages and audit, as the service answers them now.</summary>
    public async Task<Dictionary<Guid, JsonObject>> SnapshotAsync(JsonApi api)
    {
        var snapshot = new Dictionary<Guid, JsonObject>();
        foreach (var id in Notebooks)
        {
            var progress = (await api.ExpectAsync(200, HttpMethod.Get, $"/api/notebooks/{id}")).Json;
            var days = new JsonObject();
            foreach (var day in progress["days"]!.AsArray())
            {
                var date = day!["date"]!.GetValue<string>();
                days[date] = (await api.ExpectAsync(200, HttpMethod.Get, $"/api/notebooks/{id}/days/{date}")).Json;
            }
            snapshot[id] = new JsonObject { ["progress"] = progress, ["days"] = days, ["audit"] = (await api.ExpectAsync(200, HttpMethod.Get, $"/api/notebooks/{id}/audit")).Json };
        }
        return snapshot;
    }

    /// <summary>Where two snapshots differ, field by field; fields one build has and the other lacks are listed apart.</summary>
    public static (List<string> Differences, SortedSet<string> OnlyOnOneSide) Compare(Dictionary<Guid, JsonObject> before, Dictionary<Guid, JsonObject> after)
    {
        var differences = new List<string>();
        var oneSide = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (id, was) in before)
        {
            if (!after.TryGetValue(id, out var now))
            {
                differences.Add($"{id}: missing");
                continue;
            }
            Walk(was, now, $"{id}", differences, oneSide);
        }
        return (differences, oneSide);
    }

    private static void Walk(JsonNode? was, JsonNode? now, string path, List<string> differences, SortedSet<string> oneSide)
    {
        if (was is JsonObject a && now is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                if (a.ContainsKey(key) != b.ContainsKey(key)) oneSide.Add($"{(a.ContainsKey(key) ? "before" : "after")} only: {string.Join('.', path.Split('.').Skip(1).Append(key))}");
                else Walk(a[key], b[key], $"{path}.{key}", differences, oneSide);
            }
        }
        else if (was is JsonArray x && now is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++) Walk(x[i], y[i], $"{path}[{i}]", differences, oneSide);
        }
        else if (!JsonNode.DeepEquals(was, now))
        {
            differences.Add($"{path}: {was?.ToJsonString() ?? "none"} became {now?.ToJsonString() ?? "none"}");
        }
    }

    /// <summary>Acknowledged days missing from the event table, and (notebook, date) pairs logged more than once.</summary>
    public async Task<(int Lost, int Duplicated)> CheckStoreAsync(string connectionString)
    {
        var counts = new Dictionary<(Guid, DateOnly), int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"""
            SELECT stream_id, coalesce(data->>'Date', data->>'date')::date, count(*) FILTER (WHERE type = 'day_logged') - count(*) FILTER (WHERE type = 'day_retracted')
            FROM {Persistence.Schema}.mt_events WHERE type IN ('day_logged', 'day_retracted') GROUP BY 1, 2
            """, connection);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[(reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)))] = (int)reader.GetInt64(2);
        return (Logged.Count(l => counts.GetValueOrDefault(l) < 1), counts.Count(c => c.Value > 1));
    }

    public static async Task<long> EventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Persistence.Schema}.mt_events WHERE type <> 'tombstone'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:F1} s");
}
