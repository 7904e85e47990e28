using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journal.Accounts;
using Journal.Hosting;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;
using Npgsql;

namespace Journal.Tests.Corpus;

/// <summary>
/// A frozen corpus: the event store's rows (streams, then events) exactly as a release wrote them, one JSON object per
/// line, and the answers that release gave about them. Loading writes the rows back as they were, never through today's
/// event classes, so a changed event shape meets Marten's upcasting as a real old store would.
/// </summary>
public static class EventCorpus
{
    /// <summary>Tables in the order their rows load (events point at their stream).</summary>
    private static readonly string[] Tables = ["mt_streams", "mt_events"];

    /// <summary>The corpus files beside the tests, copied to the output: one pair per release.</summary>
    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> Releases() =>
        Directory.EnumerateFiles(OutputFolder, "*.jsonl").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    public static async Task DumpAsync(IDocumentStore store, string file)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var output = new StreamWriter(file) { NewLine = "\n" };
        foreach (var table in Tables)
        {
            var order = table == "mt_events" ? "seq_id" : "created, id";
            await using var rows = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {Persistence.Schema}.{table} t ORDER BY {order}", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                await output.WriteLineAsync(new JsonObject { ["table"] = table, ["row"] = JsonNode.Parse(reader.GetString(0)) }.ToJsonString());
        }
    }

    /// <summary>
    /// Inserts the rows as stored, column by column (a column added since fills from its default), moves the event
    /// sequence past them, and rebuilds every projection from the events alone.
    /// </summary>
    public static async Task LoadAsync(IDocumentStore store, string file)
    {
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                var record = JsonNode.Parse(line)!.AsObject();
                var table = $"{Persistence.Schema}.{record["table"]!.GetValue<string>()}";
                var row = record["row"]!.AsObject();
                var columns = string.Join(", ", row.Select(c => $"\"{c.Key}\""));
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO {table} ({columns}) SELECT {columns} FROM json_populate_record(NULL::{table}, $1::json)", connection, transaction)
                {
                    Parameters = { new() { Value = row.ToJsonString() } },
                };
                await insert.ExecuteNonQueryAsync();
            }
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval('{Persistence.Schema}.mt_events_sequence', (SELECT max(seq_id) FROM {Persistence.Schema}.mt_events))", connection, transaction);
            await sequence.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<NotebookProgressProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<DayEntryProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<AccountProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<AccountLookupsProjection>(CancellationToken.None);
    }

    /// <summary>
    /// What the API answers about the corpus, through HTTP with each account's own token: the account, its tokens, and
    /// for each notebook its progress, every day page and its audit; and each share link, with no credentials.
    /// </summary>
    public static async Task<JsonObject> AnswersAsync(IAlbaHost host, JsonArray credentials, JsonArray slugs)
    {
        var accounts = new JsonArray();
        foreach (var credential in credentials)
        {
            var token = credential!["token"]!.GetValue<string>();
            var notebooks = new JsonObject();
            var index = await GetAsync(host, "/api/notebooks?pageSize=100", token);
            foreach (var item in index["items"]!.AsArray())
            {
                var id = item!["id"]!.GetValue<string>();
                var progress = await GetAsync(host, $"/api/notebooks/{id}", token);
                var days = new JsonObject();
                foreach (var day in progress["days"]!.AsArray())
                {
                    var date = day!["date"]!.GetValue<string>();
                    days[date] = await GetAsync(host, $"/api/notebooks/{id}/days/{date}", token);
                }
                notebooks[id] = new JsonObject
                {
                    ["progress"] = progress,
                    ["days"] = days,
                    ["audit"] = await GetAsync(host, $"/api/notebooks/{id}/audit", token),
                };
            }
            accounts.Add(new JsonObject
            {
                ["me"] = await GetAsync(host, "/api/me", token),
                ["tokens"] = await GetAsync(host, "/api/tokens", token),
                ["index"] = index,
                ["notebooks"] = notebooks,
            });
        }
        var shared = new JsonObject();
        foreach (var slug in slugs.Select(s => s!.GetValue<string>()))
            shared[slug] = await GetAsync(host, $"/api/shared/{slug}", token: null);
        return new JsonObject { ["accounts"] = accounts, ["shared"] = shared };
    }

    private static async Task<JsonNode> GetAsync(IAlbaHost host, string url, string? token)
    {
        var response = await host.Send(HttpMethod.Get, url, null, ("Authorization", token is null ? "" : $"Bearer {token}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
