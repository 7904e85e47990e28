using System.Text.Json;
using Journal.Hosting;
using Npgsql;

namespace Journal.Reliability;

/// <summary>What the event store holds compared with what the client was told.</summary>
public sealed record StoreCheck(
    int Lost, int Duplicated, int WrongVersion, int InDoubt, int InDoubtCommitted, int AuditsInconsistent, int Notebooks,
    int UnansweredClaims, TimeSpan ClaimsExpireIn, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Reads every day_logged event straight from the event table, then checks: each acknowledged command is
    /// there exactly once, at the version its response named; no (notebook, date) is there twice; and every
    /// notebook's audit (a replay compared with the stored read model) is consistent.
    /// </summary>
    public static async Task<StoreCheck> RunAsync(string connectionString, Driver driver, IReadOnlyList<Guid> notebooks)
    {
        var logged = new Dictionary<Command, List<long>>();
        var (unanswered, expireIn) = (0, TimeSpan.Zero);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // Idempotency-Key answers are stored in the transaction that appends the command's events, so no key can be
            // left claimed without an answer (Wolverine's deduplication, used before, left such claims after a crash).
            await using var query = new NpgsqlCommand(
                $"SELECT stream_id, version, data FROM {Persistence.Schema}.mt_events WHERE type = 'day_logged'", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                using var data = JsonDocument.Parse(reader.GetString(2));
                var date = DateOnly.Parse(data.RootElement.EnumerateObject().First(p => p.NameEquals("Date") || p.NameEquals("date")).Value.GetString()!,
                    System.Globalization.CultureInfo.InvariantCulture);
                var key = new Command(reader.GetGuid(0), date);
                if (!logged.TryGetValue(key, out var versions)) logged[key] = versions = [];
                versions.Add(reader.GetInt64(1));
            }
        }

        var problems = new List<string>();
        var lost = driver.Ledger.Keys.Where(c => !logged.ContainsKey(c)).ToList();
        var duplicated = logged.Where(l => l.Value.Count > 1).ToList();
        var wrongVersion = driver.Ledger.Where(a => logged.TryGetValue(a.Key, out var v) && v.Count == 1 && v[0] != a.Value.Version).ToList();
        problems.AddRange(lost.Take(5).Select(c => $"lost: {c.Key} was acknowledged ({driver.Ledger[c]}) but is not in the store"));
        problems.AddRange(duplicated.Take(5).Select(d => $"duplicated: {d.Key.Key} is logged {d.Value.Count} times (versions {string.Join(", ", d.Value)})"));
        problems.AddRange(wrongVersion.Take(5).Select(w => $"wrong version: {w.Key.Key} was acknowledged at version {w.Value.Version}, stored at {logged[w.Key][0]}"));

        var inDoubt = driver.Outcomes.Where(o => o.Value != Outcome.Acknowledged).Select(o => o.Key).ToList();
        var inconsistent = 0;
        foreach (var notebook in notebooks)
        {
            var (status, text) = await driver.GetAsync($"/api/notebooks/{notebook}/audit");
            using var audit = JsonDocument.Parse(text);
            if (status == 200 && audit.RootElement.GetProperty("consistent").GetBoolean()) continue;
            inconsistent++;
            problems.Add($"audit of {notebook}: {status} {text[..Math.Min(text.Length, 300)]}");
        }
        return new StoreCheck(lost.Count, duplicated.Count, wrongVersion.Count, inDoubt.Count, inDoubt.Count(logged.ContainsKey), inconsistent, notebooks.Count, unanswered, expireIn, problems);
    }
}
