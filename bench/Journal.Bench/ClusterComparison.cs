using System.Globalization;

namespace Journal.Bench;

/// <summary>
/// <c>--cluster</c>: one node against three behind HAProxy (deploy/cluster/haproxy.cfg), on the same PostgreSQL, and
/// the one node behind HAProxy too, to tell the proxy's own cost from the cluster's.
/// </summary>
internal sealed partial class BenchRun
{
    /// <summary>A configuration the clients call, and the processes whose CPU counts for it.</summary>
    private sealed record Configuration(string Name, JournalApi Api, CpuMeter Cpu);

    /// <summary>
    /// A: one node, clients straight to it, on database journal_one_node. B: three nodes on database journal_three_nodes,
    /// clients through HAProxy. C: A's node through a second HAProxy. Each database is a Wolverine cluster of its own
    /// (Balanced mode clusters the nodes of a database: on one database A's node would be a fourth node of B, and
    /// B's async projection could run in it). Rounds go A, B, C, A, B, C…; each configuration's CPU is its own
    /// processes', with PostgreSQL's whole cluster and the benchmark's own.
    /// </summary>
    private async Task MeasureClusterAsync(CancellationToken ct)
    {
        await _cluster.CreateDatabaseAsync("journal_one_node", ct);
        await _cluster.CreateDatabaseAsync("journal_three_nodes", ct);
        // As deploy/cluster lays them out, a proxy's port and then its nodes': the one node's proxy and the node, then the three's.
        var onePorts = ServiceProcess.FreePorts(6);
        var threePorts = onePorts + 2;
        var one = StartService("cluster-one-node", "journal_one_node", port: onePorts + 1);
        // The first node of a database creates its schema alone; the others start once it serves.
        var first = StartService("cluster-three-node1", "journal_three_nodes", port: threePorts + 1);
        await Task.WhenAll(one.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct), first.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct));
        ServiceProcess[] three = [first, .. Enumerable.Range(2, 2).Select(n => StartService($"cluster-three-node{n}", "journal_three_nodes", port: threePorts + n))];
        await Task.WhenAll(three.Skip(1).Select(n => n.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct)));
        var proxyThree = StartProxy("haproxy-three-nodes", threePorts, three);
        var proxyOne = StartProxy("haproxy-one-node", onePorts, [one]);
        await proxyThree.WaitUntilServingAsync(Ready, TimeSpan.FromSeconds(30), ct);
        await proxyOne.WaitUntilServingAsync(Ready, TimeSpan.FromSeconds(30), ct);

        using var direct = new JournalApi(one.BaseAddress);
        using var spread = new JournalApi(proxyThree.BaseAddress);
        using var proxied = new JournalApi(proxyOne.BaseAddress);
        await direct.SignUpAsync(ct);
        await spread.SignUpAsync(ct);
        proxied.UseToken(direct.Token!);
        SpreadOverAccounts(direct, "journal_one_node");
        SpreadOverAccounts(spread, "journal_three_nodes");
        SpreadOverAccounts(proxied, "journal_one_node");
        Configuration[] configurations =
        [
            new("1 node", direct, _cpu with { ServicePids = [one.Pid] }),
            new("3 nodes + HAProxy", spread, _cpu with { ServicePids = [.. three.Select(n => n.Pid)], ProxyPid = proxyThree.Pid }),
            new("1 node + HAProxy", proxied, _cpu with { ServicePids = [one.Pid], ProxyPid = proxyOne.Pid }),
        ];
        Log($"cluster: 1 node at {one.BaseAddress}; 3 nodes at {string.Join(", ", three.Select(n => n.BaseAddress.Authority))} behind HAProxy at {proxyThree.BaseAddress}; " +
            $"the 1 node behind HAProxy at {proxyOne.BaseAddress}");
        _notes.Add($"{await HaProxy.VersionAsync(ct)} with deploy/cluster/haproxy.cfg, in the foreground (-db); \"1 node + HAProxy\" fills the configuration's three server places with the one node");
        _notes.Add($"configurations: **1 node**, clients straight to it, database journal_one_node; **3 nodes + HAProxy**, database journal_three_nodes; " +
            "**1 node + HAProxy**, the same node as \"1 node\" through a second HAProxy; one PostgreSQL server, the same published build (Release, ReadyToRun), " +
            "API rate limit off as in every benchmark run, each database its own Wolverine cluster (nodes of one database form one)");
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{options.Rounds} rounds, each configuration in turn (1 node, 3 nodes, 1 node + HAProxy, 1 node, …): LogDay {options.Throughput.TotalSeconds:0} s with {options.Clients} clients, " +
            $"LogDay {options.Latency.TotalSeconds:0} s with 1 client, GET {options.Reads.TotalSeconds:0} s with {options.Clients} clients, GET {options.Latency.TotalSeconds:0} s with 1 client; " +
            $"before them {options.Warmup.TotalSeconds:0} s of LogDay and {options.Warmup.TotalSeconds / 2:0} s of GET on each configuration"));
        _notes.Add("CPU per request from /proc over the 16-client rounds (notebooks are started before the reading): service = every node of the configuration, " +
            "PostgreSQL = the whole server (postmaster, live and finished backends), HAProxy = the configuration's proxy, client = the benchmark process");

        var clients = options.Clients;
        foreach (var c in configurations) await PrepareAsync(c.Api.Targets, clients, 1500, options.Warmup, ct);
        foreach (var c in configurations)
        {
            var warm = await Load.ClosedLoopAsync(clients, options.Warmup, c.Api.LogDayAsync, ct);
            Log($"cluster warm-up, {c.Name}: {warm.PerSecond:N0} LogDay/s");
        }

        Side LogDays(Configuration c, int lanes, double perSecond, TimeSpan duration) =>
            LogDaySide(c.Name, c.Api.Targets, c.Api.LogDayAsync, c.Cpu, lanes, perSecond, duration, ct);
        var logDay = await AlternateAsync("cluster: LogDay throughput", [.. configurations.Select(c => LogDays(c, clients, 1500, options.Throughput))],
            r => $"{r.PerSecond:N0}/s (p50 {r.Percentile(50):0.0} ms)", cpuPer: "LogDay");
        var logDaySingle = await AlternateAsync("cluster: single-client LogDay", [.. configurations.Select(c => LogDays(c, 1, 500, options.Latency))],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "LogDay");

        var warmReads = TimeSpan.FromSeconds(options.Warmup.TotalSeconds / 2);
        foreach (var c in configurations)
        {
            var warm = await Load.ClosedLoopAsync(clients, warmReads, ReadsOf(c.Api), ct);
            Log($"cluster reads warm-up, {c.Name}: {warm.PerSecond:N0} GET/s over {c.Api.Targets.Notebooks.Count:N0} notebooks");
        }
        Side Reads(Configuration c, int lanes, TimeSpan duration)
        {
            var read = ReadsOf(c.Api);
            return new(c.Name, () => Load.ClosedLoopAsync(lanes, duration, read, ct), c.Cpu);
        }
        var reads = await AlternateAsync("cluster: reads", [.. configurations.Select(c => Reads(c, clients, options.Reads))],
            r => $"{r.PerSecond:N0}/s (p50 {r.Percentile(50):0.0} ms)", cpuPer: "GET");
        var readsSingle = await AlternateAsync("cluster: single-client GET", [.. configurations.Select(c => Reads(c, 1, options.Latency))],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "GET");

        var failed = new[] { logDay, logDaySingle, reads, readsSingle }.Sum(m => m.Sum(x => x.Load.Failed));
        _notes.Add(failed == 0 ? "every request succeeded" : $"**{failed} requests failed** (see the run's output)");
        _comparison = Report.Of([.. configurations.Select(c => c.Name)], [.. ClusterRows(clients, logDay, logDaySingle, reads, readsSingle)]);

        await proxyOne.StopAsync();
        await proxyThree.StopAsync();
        await Task.WhenAll(three.Append(one).Select(n => n.StopAsync()));
    }

    private ServiceProcess StartProxy(string name, int port, IReadOnlyList<ServiceProcess> nodes)
    {
        var log = Path.Combine(_folder, name + ".log");
        return Track(HaProxy.Start(port, nodes, log), log);
    }

    /// <summary>Progress GETs round-robin over the notebooks <paramref name="api"/> has started so far.</summary>
    private static Operation ReadsOf(JournalApi api) => ReadsOf(api.Targets.Notebooks, api.GetProgressAsync);

    /// <summary><paramref name="read"/> round-robin over <paramref name="notebooks"/>.</summary>
    private static Operation ReadsOf(IReadOnlyList<Guid> notebooks, Func<Guid, CancellationToken, ValueTask<bool>> read)
    {
        var cursor = 0;
        return (_, ct) => read(notebooks[(int)((uint)Interlocked.Increment(ref cursor) % notebooks.Count)], ct);
    }

    private static IEnumerable<Compared> ClusterRows(int clients, IReadOnlyList<Measured> logDay, IReadOnlyList<Measured> logDaySingle,
        IReadOnlyList<Measured> reads, IReadOnlyList<Measured> readsSingle)
    {
        static Compared Row(string name, IReadOnlyList<Measured> measured, Func<Measured, double> value, string format, string unit) =>
            new(name, [.. measured.Select(value)], format, unit);

        yield return Row($"LogDay throughput, {clients} clients", logDay, m => m.Load.PerSecond, "#,0", "/s");
        yield return Row($"LogDay p50, {clients} clients", logDay, m => m.Load.Percentile(50), "0.0", "ms");
        yield return Row($"LogDay p99, {clients} clients", logDay, m => m.Load.Percentile(99), "0.0", "ms");
        yield return Row("single-client LogDay p50", logDaySingle, m => m.Load.Percentile(50), "0.00", "ms");
        yield return Row($"progress GET throughput, {clients} clients", reads, m => m.Load.PerSecond, "#,0", "/s");
        yield return Row($"GET p50, {clients} clients", reads, m => m.Load.Percentile(50), "0.0", "ms");
        yield return Row($"GET p99, {clients} clients", reads, m => m.Load.Percentile(99), "0.0", "ms");
        yield return Row("single-client GET p50", readsSingle, m => m.Load.Percentile(50), "0.00", "ms");
        foreach (var (request, measured) in new[] { ("LogDay", logDay), ("GET", reads) })
        {
            var cpu = $"CPU per {request} ({clients} clients)";
            yield return Row($"{cpu}: service processes", measured, m => m.CpuPerRequest.ServiceMs, "0.00", "ms");
            yield return Row($"{cpu}: PostgreSQL", measured, m => m.CpuPerRequest.PostgresMs, "0.00", "ms");
            yield return Row($"{cpu}: HAProxy", measured, m => m.CpuPerRequest.ProxyMs, "0.00", "ms");
            yield return Row($"{cpu}: client (the benchmark)", measured, m => m.CpuPerRequest.ClientMs, "0.00", "ms");
            yield return Row($"{cpu}: all", measured, m => m.CpuPerRequest.TotalMs, "0.00", "ms");
        }
    }
}
