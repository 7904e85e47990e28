using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Npgsql;

namespace Journal.Tests.Cluster;

/// <summary>
/// The short form of the cluster's kill test (the full one: tests/Journal.Reliability, verb cluster): three service
/// processes behind HAProxy with deploy/cluster/haproxy.cfg, LogDay load with Idempotency-Keys through HAProxy, and
/// kill -9 of the node that runs the study projection. No acknowledged write is lost or doubled, the projection runs on
/// another node and the study view reflects every acknowledged day within 15 s of the kill.
/// </summary>
[Collection(IntegrationTests.Name)] // three more processes: not beside the suite's busiest tests
public sealed class FailoverTests(JournalHost fixture) : IAsyncLifetime
{
    private readonly List<Node> _nodes = [];
    private Process? _haproxy;
    private string _database = "";
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await ClusterSupport.NewDatabaseAsync(fixture.ConnectionString);
        for (var i = 0; i < 3; i++) _nodes.Add(Node.Start(_database));
        var bind = TestMachine.FreePort();
        _haproxy = StartHaproxy(bind, _nodes);
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{bind}"),
            Timeout = TimeSpan.FromSeconds(30), // a sign-up hashes a password on a Debug build while other test processes share the cores
        };
        foreach (var node in _nodes) await node.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await WaitAsync(async () => (await _client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), "HAProxy did not pass requests on");
    }

    [Fact]
    public async Task Killing_the_node_that_runs_the_study_projection_loses_nothing_and_the_projection_is_back_within_15_seconds()
    {
        await ClusterSupport.SignUpAsync(_client);
        var notebook = await ClusterSupport.StartNotebookAsync(_client);
        var (owner, _) = await ClusterSupport.OneRunsAsync(_nodes, n => n.RunsStudyAsync(), TimeSpan.FromSeconds(30));

        var ledger = new ConcurrentDictionary<DateOnly, bool>();
        var failed = 0;
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () => 
        {
            var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
            for (var day = 0; day < 40 && !stop.IsCancellationRequested; day++)
            {
                var date = first.AddDays(day);
                var inDoubt = false;
                var attempts = 0;
                while (true) // the same Idempotency-Key until the answer is known
                {
                    var (status, type) = await LogAsync(notebook, date);
                    if (status == 201 || (status == 409 && type == "/problems/date-already-logged" && inDoubt)) { ledger[date] = true; break; }
                    if (status is >= 400 and < 500) throw new InvalidOperationException($"LogDay {date}: {status} {type}");
                    if (++attempts > 100) throw new TimeoutException($"LogDay {date}: no answer after 100 attempts (last {status} {type})");
                    inDoubt = true;
                    Interlocked.Increment(ref failed);
                    await Task.Delay(100);
                }
            }
        }, TestContext.Current.CancellationToken);

        await WaitAsync(() => Task.FromResult(ledger.Count >= 5 || load.IsCompleted), TimeSpan.FromSeconds(60), "no writes acknowledged");
        var killed = Stopwatch.StartNew();
        owner.Kill();
        var survivors = _nodes.Where(n => n != owner).ToList();
        var (_, moved) = await ClusterSupport.OneRunsAsync(survivors, n => n.RunsStudyAsync(), TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await load;
        await ClusterSupport.StudyReflectsAsync(_client, ledger.Count, TimeSpan.FromSeconds(30));
        var caughtUp = killed.Elapsed;

        var stored = await StoredDaysAsync(notebook);
        Assert.Equal([], ledger.Keys.Where(d => !stored.ContainsKey(d)).Order());                 // lost
        Assert.Equal([], stored.Where(d => d.Value > 1).Select(d => d.Key).Order());               // duplicated
        Assert.True(moved <= TimeSpan.FromSeconds(15), $"the projection ran elsewhere {moved.TotalSeconds:F1} s after the kill");
        Assert.True(caughtUp <= TimeSpan.FromSeconds(15), $"the study view reflected every acknowledged day {caughtUp.TotalSeconds:F1} s after the kill");
        TestContext.Current.TestOutputHelper?.WriteLine($"failover: moved after {moved.TotalSeconds:F1} s, study caught up after {caughtUp.TotalSeconds:F1} s, {ledger.Count} acknowledged, {failed} attempts retried");
    }

    private async Task<(int Status, string? Type)> LogAsync(Guid notebook, DateOnly date)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/notebooks/{notebook}/days")
        {
            Content = JsonContent.Create(new LogDay($"Day {date:MM-dd}", date, Minutes: 30), options: Api.Json),
        };
        request.Headers.Add("Idempotency-Key", $"{notebook:N}-{date:yyyyMMdd}");
        try
        {
            using var response = await _client.SendAsync(request);
            var type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString()
                : null;
            return ((int)response.StatusCode, type);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.GetType().Name);
        }
    }

    private async Task<Dictionary<DateOnly, int>> StoredDaysAsync(Guid notebook)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT (data->>'Date')::date, count(*) FROM {Journal.Hosting.Persistence.Schema}.mt_events WHERE stream_id = @id AND type = 'day_logged' GROUP BY 1", connection);
        query.Parameters.AddWithValue("id", notebook);
        var days = new Dictionary<DateOnly, int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) days[DateOnly.FromDateTime(reader.GetDateTime(0))] = (int)reader.GetInt64(1);
        return days;
    }

    private static Process StartHaproxy(int bind, List<Node> nodes)
    {
        var config = Path.Combine(TestMachine.RepositoryRoot(), "deploy", "cluster", "haproxy.cfg");
        var info = new ProcessStartInfo(Haproxy(), ["-db", "-f", config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["JOURNAL_CLUSTER_BIND"] = $"127.0.0.1:{bind}";
        for (var i = 0; i < nodes.Count; i++) info.Environment[$"JOURNAL_NODE{i + 1}"] = $"127.0.0.1:{nodes[i].Port}";
        var process = Process.Start(info)!;
        // Read and dropped (its log is not asserted on), so that a full pipe never stalls it.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly string[] HaproxyPaths = ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"];

    private static string Haproxy() =>
        HaproxyPaths.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("HAProxy is not installed: apt-get install haproxy (.ci/run installs it).");


    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
                // not yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException(failure);
    }


    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_haproxy is { HasExited: false }) _haproxy.Kill();
        foreach (var node in _nodes) await node.DisposeAsync();
        _haproxy?.Dispose();
    }

    /// <summary>One service process of the suite's build, on a free loopback port.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();
        private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

        private Node(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }
        private Uri Address(string path) => new($"http://127.0.0.1:{Port}{path}");

        public static Node Start(string database)
        {
            var port = TestMachine.FreePort();
            var info = ServiceProcess.StartInfo(new Dictionary<string, string?>
            {
                ["ConnectionStrings__Journal"] = database,
                ["Journal__RateLimits__ApiPerMinute"] = "0",
                ["Journal__Cluster__DrainSeconds"] = "1",
                ["Logging__LogLevel__Default"] = "Warning",
            }, "--urls", $"http://127.0.0.1:{port}");
            var node = new Node(Process.Start(info)!, port);
            node._process.OutputDataReceived += (_, e) => { lock (node._log) node._log.AppendLine(e.Data); };
            node._process.ErrorDataReceived += (_, e) => { lock (node._log) node._log.AppendLine(e.Data); };
            node._process.BeginOutputReadLine();
            node._process.BeginErrorReadLine();
            return node;
        }

        public async Task WaitReadyAsync(TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (_process.HasExited) throw new InvalidOperationException($"node on {Port} exited while starting:\n{_log}");
                try
                {
                    if ((await Probe.GetAsync(Address("/health/ready"))).IsSuccessStatusCode) return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet
                }
                await Task.Delay(200);
            }
            throw new TimeoutException($"node on {Port} was not ready within {limit.TotalSeconds} s:\n{_log}");
        }

        /// <summary>What the node's own report says (GET /health/node): does it run the study projection now?</summary>
        public async Task<bool> RunsStudyAsync()
        {
            if (_process.HasExited) return false;
            try
            {
                var report = await Probe.GetFromJsonAsync<JsonElement>(Address("/health/node"));
                return report.GetProperty("projections").EnumerateArray().Any(p => p.GetString() == ClusterSupport.StudyShard);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        /// <summary>kill -9.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
