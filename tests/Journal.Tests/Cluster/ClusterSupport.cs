using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alba;
using Journal.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Journal.Tests.Cluster;

/// <summary>What the cluster tests share: a database of their own on the suite's server, and an account to study in.</summary>
public static class ClusterSupport
{
    public const string StudyShard = "AccountStudy:All";

    /// <summary>A fresh database beside the suite's, so the nodes under test share nothing with the suite's host.</summary>
    public static async Task<string> NewDatabaseAsync(string suiteConnectionString)
    {
        var name = $"journal_cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(suiteConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(suiteConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Hosts of the real app in this process on one database, with short heartbeats.</summary>
    public static async Task<List<IAlbaHost>> StartNodesAsync(string database, int count)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Journal"] = database,
            ["Journal__Cluster__HeartbeatSeconds"] = "1",
            ["Journal__Cluster__StaleAfterSeconds"] = "3",
        };
        var before = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var nodes = new List<IAlbaHost>();
        try
        {
            foreach (var (name, value) in settings) Environment.SetEnvironmentVariable(name, value);
            for (var i = 0; i < count; i++)
                nodes.Add(await AlbaHost.For<Program>(web => web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddFilter("Marten", LogLevel.None))));
        }
        finally
        {
            foreach (var (name, value) in before) Environment.SetEnvironmentVariable(name, value);
        }
        return nodes;
    }

    /// <summary>The first account of a fresh database (registration is open until then) and a token of it on <paramref name="client"/>.</summary>
    public static async Task SignUpAsync(HttpClient client)
    {
        const string email = "cluster@example.com", password = "a passphrase for the cluster";
        (await client.PostAsJsonAsync("/api/accounts", new RegisterAccount(email, password), Api.Json)).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new CreateToken("cluster tests"), options: Api.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{email}:{password}")));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenCreatedResponse>(Api.Json))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static async Task<Guid> StartNotebookAsync(HttpClient client)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var response = await client.PostAsJsonAsync("/api/notebooks",
            new StartNotebook("Distributed systems", new Plan(40, 60, 30), StartDate: today.AddDays(-40), TimeZone: "UTC"), Api.Json);
        return (await response.Read<NotebookStartedResponse>(HttpStatusCode.Created)).Id;
    }

    /// <summary>Polls until the study view counts <paramref name="entries"/> day entries; returns how long that took.</summary>
    public static async Task<TimeSpan> StudyReflectsAsync(HttpClient client, int entries, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        StudyResponse? last = null;
        while (clock.Elapsed < limit)
        {
            try
            {
                using var response = await client.GetAsync("/api/me/study");
                if (response.IsSuccessStatusCode)
                {
                    last = await response.Content.ReadFromJsonAsync<StudyResponse>(Api.Json);
                    if (last!.Entries >= entries) return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // a node on its way down: ask again
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the study view did not reach {entries} entries within {limit.TotalSeconds} s (last: {last?.Entries} entries, as of {last?.AsOfSequence} of {last?.LatestSequence})");
    }

    /// <summary>Waits until <paramref name="runsIt"/> names exactly one node; returns it and the time it took.</summary>
    public static async Task<(T Node, TimeSpan After)> OneRunsAsync<T>(IReadOnlyList<T> nodes, Func<T, Task<bool>> runsIt, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var seen = "";
        while (clock.Elapsed < limit)
        {
            var running = new List<T>();
            foreach (var node in nodes) if (await runsIt(node)) running.Add(node);
            if (running.Count == 1) return (running[0], clock.Elapsed);
            seen = $"{running.Count} nodes run it";
            await Task.Delay(100);
        }
        throw new TimeoutException($"no single node ran {StudyShard} within {limit.TotalSeconds} s ({seen})");
    }
}

/// <summary>A test class's own nodes: hosts of the real app on a fresh database, started before its tests, stopped after.</summary>
public abstract class InProcessNodes(JournalHost fixture, int count) : IAsyncLifetime
{
    protected List<IAlbaHost> Nodes { get; } = [];

    public async ValueTask InitializeAsync() =>
        Nodes.AddRange(await ClusterSupport.StartNodesAsync(await ClusterSupport.NewDatabaseAsync(fixture.ConnectionString), count));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
