using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Journal.Hosting;
using Npgsql;

namespace Journal.Reliability;

public static partial class Scenarios
{
    private const string StudyShard = "AccountStudy:All";
    /// <summary>What a kill must stay within: the projection running on a live node, and the study reflecting every acknowledged day.</summary>
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Scenario 12: three nodes on one PostgreSQL behind HAProxy (deploy/cluster/haproxy.cfg), under steady LogDay load
    /// through the proxy. The node running the async projection AccountStudy:All is killed with SIGKILL, then the node
    /// running it next; both are started again; then all three are restarted one after another with SIGTERM (each
    /// drains for Journal:Cluster:DrainSeconds). Nothing acknowledged may be lost or doubled, no node may answer a 5xx
    /// other than 503, and after each kill the projection must run on a live node and GET /api/me/study reflect every
    /// day acknowledged before the kill within 15 s.
    /// </summary>
    public static async Task<ScenarioResult> ClusterAsync(Settings settings, string dll, string scratch, string repository)
    {
        Progress("cluster: starting PostgreSQL and three nodes");
        await using var database = await Cluster.StartAsync(Path.Combine(scratch, "cluster"));
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Journal"] = database.ConnectionString,
            ["Journal__Cluster__HeartbeatSeconds"] = "1",
            ["Journal__Cluster__StaleAfterSeconds"] = "6",
            ["Journal__Cluster__DrainSeconds"] = "3",
            // For reading a failover from the node logs: when each line was written, and Wolverine's node and agent decisions.
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ", // the console logger's own options: FormatterOptions__ was not read
            ["Logging__Console__UseUtcTimestamp"] = "true",
            ["Logging__LogLevel__Wolverine.Runtime.Agents"] = "Debug",
        };
        var nodes = Enumerable.Range(1, 3).Select(n => new ServiceProcess(dll, environment, Path.Combine(scratch, $"cluster-node{n}.log"))).ToArray();
        await using var node1 = nodes[0];
        await using var node2 = nodes[1];
        await using var node3 = nodes[2];
        using var client = Driver.NewClient();
        using var probeClient = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var node in nodes) node.Start();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(nodes.Select(n => n.WaitReadyAsync(probeClient, TimeSpan.FromSeconds(120))));
        Progress($"cluster: nodes ready on ports {string.Join(", ", nodes.Select(n => n.Port))} after {started.Elapsed.TotalSeconds:F1} s; starting HAProxy");
        await using var proxy = HaProxy.Start(Path.Combine(repository, "deploy", "cluster", "haproxy.cfg"), nodes.Select(n => n.Port).ToArray(), Path.Combine(scratch, "cluster-haproxy.log"));
        await proxy.WaitReadyAsync(probeClient, TimeSpan.FromSeconds(20));

        var driver = new Driver(client, proxy.BaseAddress);
        await driver.SignUpAsync();
        var perSecond = settings.Quick ? 20 : 30;
        var budget = TimeSpan.FromSeconds(settings.Quick ? 240 : 360);
        // Enough commands for the whole budget at the paced rate: the load stops when the steps are done, not on running out.
        var (notebooks, commands) = await PrepareAsync(driver, (int)Math.Ceiling(perSecond * budget.TotalSeconds / 360), 360, "Cluster");
        using var stop = new CancellationTokenSource(budget);
        using var sampling = new CancellationTokenSource(budget + TimeSpan.FromSeconds(120)); // outlives the load: the study is read until it settles
        var alive = new bool[] { true, true, true };
        var nodeSamples = new ConcurrentQueue<NodeSample>();
        var studySamples = new ConcurrentQueue<StudySample>();
        var samplers = Enumerable.Range(0, 3).Select(i => SampleNodeAsync(probeClient, nodes[i], i, () => alive[i], nodeSamples, sampling.Token))
            .Append(SampleStudyAsync(driver, studySamples, sampling.Token)).ToList();

        Progress($"cluster: paced load of {perSecond} LogDay/s from {settings.Workers} workers on {notebooks.Count} notebooks through HAProxy on port {proxy.Port}");
        var load = RunPacedLoadAsync(driver, commands, settings.Workers, perSecond, stop.Token);
        var steps = new List<Step>();
        var notes = new List<string>();
        var loadStarted = DateTimeOffset.UtcNow;

        try
        {
            // The projection runs somewhere before anything is killed (the leader assigns it a few seconds after start).
            var first = await WaitForAsync(() => Owner(nodeSamples, alive, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60));
            if (first is null) throw new InvalidOperationException($"no node reported {StudyShard} within 60 s of the load starting");
            await Task.Delay(settings.Steady);

            // 1. and 2.: kill -9 the node running the projection, twice.
            for (var kill = 1; kill <= 2; kill++)
            {
                var owner = Owner(nodeSamples, alive, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
                var victim = owner ?? Array.FindIndex(alive, a => a);
                var leader = Leader(nodeSamples, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
                var acknowledged = driver.Ledger.Count;
                var sequence = await NewestSequenceAsync(database.ConnectionString);
                var lagAtKill = studySamples.LastOrDefault() is { } s ? sequence - s.AsOf : -1;
                var at = DateTimeOffset.UtcNow;
                await nodes[victim].KillAsync();
                alive[victim] = false;
                Progress($"cluster: {kill}. killed node {victim + 1} (SIGKILL; {(owner == victim ? "it ran " + StudyShard : "no node reported the projection")}" +
                    $"; leader: node {(leader + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"}) at {at:HH:mm:ss.fff} UTC, {acknowledged} acknowledged, store sequence {sequence}");
                var moved = await FirstAsync(() => nodeSamples.Where(n => n.Sent >= at && n.Index != victim && alive[n.Index] && n.Runs).Select(n => (DateTimeOffset?)n.Received).FirstOrDefault(), TimeSpan.FromSeconds(60));
                var caughtUp = await FirstAsync(() => studySamples.Where(t => t.Sent >= at && t.AsOf >= sequence && t.Entries >= acknowledged).Select(t => (DateTimeOffset?)t.Received).FirstOrDefault(), TimeSpan.FromSeconds(60));
                var movedTo = nodeSamples.Where(n => n.Sent >= at && n.Index != victim && n.Runs).Select(n => (int?)n.Index).FirstOrDefault();
                Progress($"cluster: {kill}. projection on node {(movedTo + 1)?.ToString(CultureInfo.InvariantCulture) ?? "-"} after {Seconds(Since(at, moved))}, study caught up after {Seconds(Since(at, caughtUp))}");
                await Task.Delay(settings.After);
                steps.Add(new Step($"{kill}. kill -9 node {victim + 1}", at, DateTimeOffset.UtcNow, Graceful: false)
                {
                    Detail = $"it {(owner == victim ? "ran " + StudyShard : "was a live node (none reported the projection)")}{(leader == victim ? " and led the cluster" : $" (node {(leader + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"} led)")}; " +
                        $"{acknowledged} acknowledged and store sequence {sequence} at the kill (the study {(lagAtKill >= 0 ? lagAtKill.ToString(CultureInfo.InvariantCulture) : "?")} events behind); " +
                        $"projection running on node {(movedTo + 1)?.ToString(CultureInfo.InvariantCulture) ?? "none"} after {Seconds(Since(at, moved))}; " +
                        $"study with asOfSequence ≥ {sequence} and entries ≥ {acknowledged} after {Seconds(Since(at, caughtUp))}",
                    Moved = Since(at, moved),
                    CaughtUp = Since(at, caughtUp),
                });
            }

            // 3.: both killed nodes start again.
            {
                var dead = Enumerable.Range(0, 3).Where(i => !alive[i]).ToList();
                var at = DateTimeOffset.UtcNow;
                foreach (var i in dead) nodes[i].Start();
                await Task.WhenAll(dead.Select(i => nodes[i].WaitReadyAsync(probeClient, TimeSpan.FromSeconds(120))));
                var ready = DateTimeOffset.UtcNow;
                foreach (var i in dead) alive[i] = true;
                Progress($"cluster: 3. restarted nodes {string.Join(" and ", dead.Select(i => i + 1))}: ready after {Seconds(ready - at)}");
                await Task.Delay(settings.After + TimeSpan.FromSeconds(3)); // HAProxy takes each back after two good checks
                steps.Add(new Step($"3. restart nodes {string.Join(" and ", dead.Select(i => i + 1))}", at, DateTimeOffset.UtcNow, Graceful: true)
                {
                    Detail = $"both ready (/health/ready 200) {Seconds(ready - at)} after the start",
                });
            }

            // 4.: rolling restart, SIGTERM one node, start it again, wait until ready and back in HAProxy, then the next.
            for (var i = 0; i < 3; i++)
            {
                var owner = Owner(nodeSamples, alive, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1));
                var sequence = await NewestSequenceAsync(database.ConnectionString);
                var acknowledged = driver.Ledger.Count;
                var at = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                await nodes[i].StopAsync();
                var stopped = clock.Elapsed;
                alive[i] = false;
                nodes[i].Start();
                await nodes[i].WaitReadyAsync(probeClient, TimeSpan.FromSeconds(120));
                var ready = clock.Elapsed;
                alive[i] = true;
                await Task.Delay(TimeSpan.FromSeconds(3)); // rise 2 at inter 1s: back in rotation before the next one stops
                var moved = owner == i
                    ? nodeSamples.Where(n => n.Sent >= at && n.Runs && n.Index != i).Select(n => (DateTimeOffset?)n.Received).FirstOrDefault()
                    : null;
                var caughtUp = studySamples.Where(t => t.Sent >= at && t.AsOf >= sequence && t.Entries >= acknowledged).Select(t => (DateTimeOffset?)t.Received).FirstOrDefault();
                Progress($"cluster: 4. SIGTERM node {i + 1}{(owner == i ? " (it ran " + StudyShard + ")" : "")}: exited after {Seconds(stopped)}, ready again after {Seconds(ready)}" +
                    (owner == i ? $", projection elsewhere after {Seconds(Since(at, moved))}" : ""));
                steps.Add(new Step($"4. rolling restart, node {i + 1}", at, DateTimeOffset.UtcNow, Graceful: true)
                {
                    Detail = $"SIGTERM: exited {Seconds(stopped)} later (drain 3 s), ready again {Seconds(ready)} after the SIGTERM" +
                        (owner == i ? $"; it ran {StudyShard}: running on another node {Seconds(Since(at, moved))} after the SIGTERM" : "") +
                        $"; study with asOfSequence ≥ {sequence} and entries ≥ {acknowledged} {Seconds(Since(at, caughtUp))} after the SIGTERM",
                    Moved = owner == i ? Since(at, moved) : null,
                });
            }
            await Task.Delay(settings.After);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
        }
        var loadEnded = DateTimeOffset.UtcNow;
        Progress($"cluster: load stopped, {driver.Ledger.Count} acknowledged; waiting for the study to reflect the whole store, then checking the store and every audit");

        // At rest, the study must equal the store: every day_logged event counted once, whichever node projected it.
        var (finalSequence, storedDays) = await StoreTotalsAsync(database.ConnectionString);
        var settled = await FirstAsync(() => studySamples.Where(t => t.Sent >= loadEnded && t.AsOf >= finalSequence).Select(t => (DateTimeOffset?)t.Received).FirstOrDefault(), TimeSpan.FromSeconds(60));
        var final = studySamples.LastOrDefault(t => t.Sent >= loadEnded && t.AsOf >= finalSequence);
        await sampling.CancelAsync();
        await Task.WhenAll(samplers);

        var check = await StoreCheck.RunAsync(database.ConnectionString, driver, notebooks);
        var observations = driver.Observations.ToList();
        // 5xx from a node are problem details; HAProxy's own 502/503/504 are not.
        var nodeServerErrors = observations.Count(o => o.Status is >= 500 and not 503 && o.ProblemType is not null);
        var proxyErrors = observations.Where(o => o.Status is >= 500 and not 503 && o.ProblemType is null).ToList();
        var proxyErrorsOutsideKills = proxyErrors.Count(o => !steps.Any(s => !s.Graceful && o.At >= s.Start && o.At < s.End));

        notes.Add(Summary(driver, commands.Count) + $"; paced at {perSecond}/s for {(loadEnded - loadStarted).TotalSeconds:F0} s");
        foreach (var step in steps)
        {
            var inStep = observations.Where(o => o.At >= step.Start && o.At < step.End).ToList();
            var failed = inStep.Where(o => o.Status is null or >= 500).ToList();
            var frozen = LongestStill(studySamples.Where(t => t.Sent >= step.Start && t.Sent < step.End).ToList());
            var end = nodeSamples.Where(n => n.Sent >= step.End - TimeSpan.FromSeconds(1.5) && n.Sent < step.End).GroupBy(n => n.Index).Select(g => g.Last()).ToList();
            var where = $"at the step's end node {string.Join("/", end.Where(n => n.Runs).Select(n => n.Index + 1).DefaultIfEmpty(0))} ran the projection and node {string.Join("/", end.Where(n => n.Leader).Select(n => n.Index + 1).DefaultIfEmpty(0))} led";
            notes.Add($"{step.Name}: {step.Detail}; {where.Replace("node 0", "no node", StringComparison.Ordinal)}; the study's asOfSequence stood still for at most {Seconds(frozen)} while writes went on; " +
                $"{inStep.Count} requests in the step's {(step.End - step.Start).TotalSeconds:F0} s, {failed.Count} failed ({DescribeFailures(failed)})");
        }
        var outside = observations.Where(o => o.Status is null or >= 500 && !steps.Any(s => o.At >= s.Start && o.At < s.End)).ToList();
        if (outside.Count > 0) notes.Add($"failed outside the steps (before the first kill): {DescribeFailures(outside)}");
        notes.Add("why requests fail: a kill -9 cuts the requests in flight on that node; the request had reached the node, so HAProxy does not send it " +
            "elsewhere: it answers 502, or closes the client's connection without an answer when it had sent the request on a reused server connection " +
            "(a transport error at the client). The client retries both with the same Idempotency-Key. New connections to the dead node fail and HAProxy " +
            "retries them on another node (retry-on conn-failure) until its checks take the node out (fall 2 at inter 1s): the client never sees those. " +
            "A SIGTERM drains: /health/ready answers 503 at once while the node serves on for 3 s, so HAProxy stops sending before the listener closes");
        notes.Add(final is { } f
            ? $"at rest: the study reflects sequence {f.AsOf} ({Seconds(Since(loadEnded, settled))} after the load stopped) with {f.Entries} entries; the store holds {storedDays} day_logged events{(f.Entries == storedDays ? " (equal: no day counted twice or missed across the moves)" : " (**differ**)")}"
            : $"at rest: the study never reached the store's sequence {finalSequence} within 60 s of the load stopping");
        notes.Add($"5xx: {nodeServerErrors} from nodes other than 503; {proxyErrors.Count} from HAProxy ({DescribeFailures(proxyErrors)}), " +
            $"{proxyErrorsOutsideKills} of them outside the two kill steps; 503: {observations.Count(o => o.Status == 503)}; transport errors at the client: {observations.Count(o => o.Status is null)}");
        notes.Add($"in doubt (no 2xx before giving up or the end of the load): {check.InDoubt}, of which {check.InDoubtCommitted} are in the store; none were acknowledged, so none is lost");
        notes.Add($"audits: {check.Notebooks - check.AuditsInconsistent} of {check.Notebooks} consistent; acknowledged at another version than stored: {check.WrongVersion}");
        notes.Add($"settings: Journal:Cluster HeartbeatSeconds 1, StaleAfterSeconds 6, DrainSeconds 3; HAProxy inter 1s fastinter 500ms fall 2 rise 2, retries 3 on conn-failure; node logs cluster-node1..3.log and cluster-haproxy.log in the scratch folder");
        notes.AddRange(check.Problems);
        notes.AddRange(driver.Surprises.Take(10).Select(s => $"unexpected: {s}"));

        var kills = steps.Where(s => !s.Graceful).ToList();
        var passed = check is { Lost: 0, Duplicated: 0, WrongVersion: 0, AuditsInconsistent: 0 } && nodeServerErrors == 0 && proxyErrorsOutsideKills == 0
            && steps.Count == 6 && kills.Count == 2 && kills.All(k => k.Moved <= FailoverLimit && k.CaughtUp <= FailoverLimit)
            && final is { } last && last.Entries == storedDays && driver.Outcomes.Values.All(o => o != Outcome.Rejected);
        var worst = kills.Count == 0 ? "-" : $"projection on a live node {string.Join(" / ", kills.Select(k => Seconds(k.Moved ?? TimeSpan.MaxValue)))}, " +
            $"study caught up {string.Join(" / ", kills.Select(k => Seconds(k.CaughtUp ?? TimeSpan.MaxValue)))} after each kill (limit {FailoverLimit.TotalSeconds:F0} s)";
        return new ScenarioResult("cluster (3 nodes, HAProxy: kill -9 × 2, restart, rolling restart)", observations.Count, driver.Ledger.Count, check.Lost, check.Duplicated,
            $"{nodeServerErrors} (+{proxyErrors.Count} × 502 from HAProxy at the kills, +{observations.Count(o => o.Status == 503)} × 503)", worst, passed, notes);
    }

    private sealed record Step(string Name, DateTimeOffset Start, DateTimeOffset End, bool Graceful)
    {
        public string Detail { get; init; } = "";
        public TimeSpan? Moved { get; init; }
        public TimeSpan? CaughtUp { get; init; }
    }

    private sealed record NodeSample(int Index, DateTimeOffset Sent, DateTimeOffset Received, bool Runs, bool Leader);

    private sealed record StudySample(DateTimeOffset Sent, DateTimeOffset Received, int Entries, long AsOf, long Latest);

    /// <summary>LogDay at a steady rate (not as fast as it goes: the projection and the failover must not be starved of the two cores).</summary>
    private static async Task RunPacedLoadAsync(Driver driver, IReadOnlyList<Command> commands, int workers, int perSecond, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = TimeSpan.Zero;
        var gate = new Lock();
        try
        {
            await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = stop }, async (command, ct) =>
            {
                TimeSpan slot;
                lock (gate)
                {
                    // A slot missed while workers were retrying is not made up later: no burst after an outage.
                    slot = next > clock.Elapsed ? next : clock.Elapsed;
                    next = slot + interval;
                }
                var wait = slot - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                await driver.LogAsync(command, ct);
            });
        }
        catch (OperationCanceledException)
        {
            // the steps are done, or the budget ran out
        }
    }

    /// <summary>GET /health/node on one node (directly, loopback) every 200 ms while it is meant to be alive.</summary>
    private static async Task SampleNodeAsync(HttpClient client, ServiceProcess node, int index, Func<bool> alive, ConcurrentQueue<NodeSample> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (alive())
            {
                var sent = DateTimeOffset.UtcNow;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    timeout.CancelAfter(TimeSpan.FromSeconds(2));
                    using var response = await client.GetAsync(new Uri(node.BaseAddress, NodeReports.Path), timeout.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
                        var runs = report.RootElement.GetProperty("projections").EnumerateArray().Any(p => p.GetString() == StudyShard);
                        samples.Enqueue(new NodeSample(index, sent, DateTimeOffset.UtcNow, runs, report.RootElement.GetProperty("leader").GetBoolean()));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException)
                {
                    // starting, stopping or killed
                }
            }
            try { await Task.Delay(200, stop); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>GET /api/me/study through HAProxy, as the account's client, every 200 ms.</summary>
    private static async Task SampleStudyAsync(Driver driver, ConcurrentQueue<StudySample> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sent = DateTimeOffset.UtcNow;
            try
            {
                var (status, text) = await driver.GetAsync("/api/me/study");
                if (status == 200)
                {
                    using var study = JsonDocument.Parse(text);
                    var root = study.RootElement;
                    samples.Enqueue(new StudySample(sent, DateTimeOffset.UtcNow, root.GetProperty("entries").GetInt32(),
                        root.GetProperty("asOfSequence").GetInt64(), root.GetProperty("latestSequence").GetInt64()));
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException)
            {
                // a node cut off mid-answer: the next poll goes on
            }
            try { await Task.Delay(200, stop); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>The live node whose latest report since <paramref name="since"/> says it runs the projection.</summary>
    private static int? Owner(ConcurrentQueue<NodeSample> samples, bool[] alive, DateTimeOffset since) =>
        samples.Where(s => s.Sent >= since && alive[s.Index]).GroupBy(s => s.Index).Select(g => g.Last()).Where(s => s.Runs).Select(s => (int?)s.Index).FirstOrDefault();

    private static int? Leader(ConcurrentQueue<NodeSample> samples, DateTimeOffset since) =>
        samples.Where(s => s.Sent >= since).GroupBy(s => s.Index).Select(g => g.Last()).Where(s => s.Leader).Select(s => (int?)s.Index).FirstOrDefault();

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe, TimeSpan limit) where T : struct
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (probe() is { } value) return value;
            await Task.Delay(100);
        }
        return null;
    }

    private static Task<DateTimeOffset?> FirstAsync(Func<DateTimeOffset?> probe, TimeSpan limit) => WaitForAsync(probe, limit);

    private static TimeSpan? Since(DateTimeOffset at, DateTimeOffset? then) => then is { } t ? t - at : null;

    private static string Seconds(TimeSpan? t) => Seconds(t ?? TimeSpan.MaxValue);

    /// <summary>The longest time the study's asOfSequence did not move while it trailed the store.</summary>
    private static TimeSpan LongestStill(IReadOnlyList<StudySample> samples)
    {
        var longest = TimeSpan.Zero;
        StudySample? since = null;
        foreach (var sample in samples)
        {
            if (since is null || sample.AsOf != since.AsOf) since = sample;
            else if (sample.Latest > sample.AsOf && sample.Received - since.Received > longest) longest = sample.Received - since.Received;
        }
        return longest;
    }

    private static string DescribeFailures(IEnumerable<Observation> failed) =>
        string.Join(", ", failed.GroupBy(o => o switch
        {
            { Status: null } => $"transport error: {o.Error}",
            { ProblemType: null } => $"{o.Status} from HAProxy",
            _ => $"{o.Status} {o.ProblemType} from a node",
        }).Select(g => $"{g.Count()} × {g.Key}").DefaultIfEmpty("none"));

    private static async Task<long> NewestSequenceAsync(string connectionString) => (await StoreTotalsAsync(connectionString)).Sequence;

    private static async Task<(long Sequence, int Days)> StoreTotalsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT coalesce(max(seq_id), 0), count(*) FILTER (WHERE type = 'day_logged') FROM {Persistence.Schema}.mt_events", connection);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}

/// <summary>HAProxy with the repository's deploy/cluster/haproxy.cfg, in the foreground (<c>-db</c>) as a child process.</summary>
public sealed class HaProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HaProxy(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static HaProxy Start(string config, IReadOnlyList<int> nodePorts, string logFile)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-db", "-f", config }) info.ArgumentList.Add(arg);
        info.Environment["JOURNAL_CLUSTER_BIND"] = $"127.0.0.1:{port}";
        for (var i = 0; i < nodePorts.Count; i++) info.Environment[$"JOURNAL_NODE{i + 1}"] = $"127.0.0.1:{nodePorts[i]}";
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = Process.Start(info)!;
        void Log(string? line)
        {
            if (line is null) return;
            lock (log) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Log($"--- started pid {process.Id} at {DateTimeOffset.UtcNow:O}, bind 127.0.0.1:{port}, nodes {string.Join(", ", nodePorts)}");
        return new HaProxy(process, log, port);
    }

    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"haproxy exited ({_process.ExitCode}) while starting; see its log");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"HAProxy did not answer within {timeout.TotalSeconds:F0} s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        lock (_log) _log.WriteLine($"--- stopped at {DateTimeOffset.UtcNow:O}");
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
