using System.Globalization;
using System.Text.Json;

namespace Journal.Bench;

/// <summary>
/// The peer (issue 18; <c>--peer</c> runs it alone): Journal against what a team would write instead, a hand-written
/// ASP.NET Core minimal API over Npgsql (bench/Journal.Bench.Peer) serving the same LogDay and progress GET with the same
/// JSON and a token on every request, with the raw-SQL baseline beside them: LogDay throughput with 16 clients,
/// single-client LogDay and GET throughput, the three in turn in every round.
/// </summary>
internal sealed partial class BenchRun
{
    /// <summary>
    /// One side of the peer comparison: where and how it logs days (its notebooks started before each round for
    /// <paramref name="Peak"/> LogDays a second), how it reads a notebook and which notebooks it reads, and the processes
    /// whose CPU counts for it.
    /// </summary>
    private sealed record Contender(string Name, DayTargets Targets, Operation LogDay, Func<Guid, CancellationToken, ValueTask<bool>> Read,
        DayTargets ReadFrom, double Peak, CpuMeter Cpu);

    private async Task MeasurePeerAsync(CancellationToken ct)
    {
        await _cluster.CreateDatabaseAsync("journal_vs_peer", ct);
        await _cluster.CreateDatabaseAsync("peer", ct);
        var service = StartService("service-vs-peer", "journal_vs_peer");
        var peerLog = Path.Combine(_folder, "peer.log");
        var peer = Track(ServiceProcess.Start(_peerDll, peerLog, new Dictionary<string, string> { ["ConnectionStrings__Peer"] = _cluster.ConnectionString("peer") }), peerLog);
        await Task.WhenAll(service.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct), peer.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct));
        using var journal = new JournalApi(service.BaseAddress);
        using var handWritten = new JournalApi(peer.BaseAddress);
        await journal.SignUpAsync(ct);
        await handWritten.SignUpAsync(ct);
        SpreadOverAccounts(journal, "journal_vs_peer");
        await using var baseline = await Baseline.CreateAsync(_cluster.ConnectionString("journal_vs_peer"), ct);
        Log($"peer: Journal at {service.BaseAddress}, the hand-written peer at {peer.BaseAddress} (database peer), raw SQL in the benchmark");

        // The raw-SQL side reads Journal's stored document of the notebooks Journal's GETs read.
        Contender[] contenders =
        [
            new("raw SQL", baseline.Targets, baseline.LogDayAsync, baseline.ReadDocumentAsync, journal.Targets, 5000, _cpu with { ServicePids = [] }),
            new("peer", handWritten.Targets, handWritten.LogDayAsync, handWritten.GetProgressAsync, handWritten.Targets, 3000, _cpu with { ServicePids = [peer.Pid] }),
            new("Journal", journal.Targets, journal.LogDayAsync, journal.GetProgressAsync, journal.Targets, 1500, _cpu with { ServicePids = [service.Pid] }),
        ];
        var clients = options.Clients;
        foreach (var c in contenders) await PrepareAsync(c.Targets, clients, c.Peak, options.Warmup, ct);
        foreach (var c in contenders)
            Log($"peer warm-up, {c.Name}: {(await Load.ClosedLoopAsync(clients, options.Warmup, c.LogDay, ct)).PerSecond:N0} LogDay/s");

        Side LogDays(Contender c, int lanes, double perSecond, TimeSpan duration) =>
            LogDaySide(c.Name, c.Targets, c.LogDay, c.Cpu, lanes, perSecond, duration, ct);
        var logDay = await AlternateAsync("peer: LogDay throughput", [.. contenders.Select(c => LogDays(c, clients, c.Peak, options.Throughput))],
            r => $"{r.PerSecond:N0}/s (p50 {r.Percentile(50):0.0} ms)", cpuPer: "LogDay");
        var single = await AlternateAsync("peer: single-client LogDay", [.. contenders.Select(c => LogDays(c, 1, c.Peak / 2.5, options.Latency))],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "LogDay");

        // GETs of notebooks every LogDay was handed out for: the same size (60 entries) on every side.
        await CheckSameShapeAsync(journal, handWritten, ct);
        var reads = contenders.Select(c => ReadsOf(c.ReadFrom.ToRead, c.Read)).ToArray();
        var warmReads = TimeSpan.FromSeconds(options.Warmup.TotalSeconds / 2);
        foreach (var (c, read) in contenders.Zip(reads))
            Log($"peer reads warm-up, {c.Name}: {(await Load.ClosedLoopAsync(clients, warmReads, read, ct)).PerSecond:N0} GET/s");
        var get = await AlternateAsync("peer: reads", [.. contenders.Zip(reads, (c, read) => new Side(c.Name, () => Load.ClosedLoopAsync(clients, options.Reads, read, ct), c.Cpu))],
            r => $"{r.PerSecond:N0}/s (p50 {r.Percentile(50):0.0} ms)", cpuPer: "GET");

        const int sql = 0, hand = 1, mine = 2;
        _figures.Add(Figure.AtLeast($"peer: LogDay throughput ({clients} clients), Journal vs hand-written ASP.NET Core + Npgsql",
            logDay[mine].Load.PerSecond, logDay[hand].Load.PerSecond, "/s", 0.8));
        _figures.Add(Figure.AtMost("peer: single-client LogDay p50", single[mine].Load.Percentile(50), single[hand].Load.Percentile(50), "ms", 1.25));
        _figures.Add(Figure.Reported($"peer: reads (progress GET, {clients} clients)", get[mine].Load.PerSecond, get[hand].Load.PerSecond, "/s"));

        string Beside(string figure, IReadOnlyList<Measured> m, Func<Measured, double> value, string format, string unit) => string.Create(CultureInfo.InvariantCulture,
            $"{figure}: raw SQL {value(m[sql]).ToString(format, CultureInfo.InvariantCulture)} {unit}, " +
            $"peer {value(m[hand]).ToString(format, CultureInfo.InvariantCulture)} {unit} ({value(m[hand]) / value(m[sql]):0.00} of raw SQL), " +
            $"Journal {value(m[mine]).ToString(format, CultureInfo.InvariantCulture)} {unit} ({value(m[mine]) / value(m[sql]):0.00} of raw SQL, {value(m[mine]) / value(m[hand]):0.00} of the peer)");
        _notes.Add("the peer (bench/Journal.Bench.Peer): ASP.NET Core minimal API and Npgsql, its own tables in database peer; a token looked up by its SHA-256 on every request; " +
            "LogDay locks the notebook's row, inserts the day (its key refuses a date logged), updates the counts, in one transaction. Raw SQL, peer and Journal in turn in every round: " +
            string.Join("; ", Beside($"LogDay, {clients} clients", logDay, m => m.Load.PerSecond, "#,0", "/s"),
                Beside("single-client LogDay p50", single, m => m.Load.Percentile(50), "0.00", "ms"),
                Beside($"progress GET, {clients} clients (raw SQL: the stored document by key)", get, m => m.Load.PerSecond, "#,0", "/s"),
                string.Create(CultureInfo.InvariantCulture,
                    $"service CPU per LogDay: peer {logDay[hand].CpuPerRequest.ServiceMs:0.00} ms, Journal {logDay[mine].CpuPerRequest.ServiceMs:0.00} ms; " +
                    $"PostgreSQL CPU per LogDay: raw SQL {logDay[sql].CpuPerRequest.PostgresMs:0.00} ms, peer {logDay[hand].CpuPerRequest.PostgresMs:0.00} ms, Journal {logDay[mine].CpuPerRequest.PostgresMs:0.00} ms")));
        await peer.StopAsync();
        await service.StopAsync();
    }

    /// <summary>The peer must answer the progress GET with Journal's fields: compared on a full notebook of each, once.</summary>
    private async Task CheckSameShapeAsync(JournalApi journal, JournalApi peer, CancellationToken ct)
    {
        if (journal.Targets.Full is not [var full, ..] || peer.Targets.Full is not [var peerFull, ..])
        {
            Log("peer: ! no full notebook on both sides yet; the progress GETs' shapes were not compared");
            return;
        }
        using var mine = await journal.GetProgressJsonAsync(full, ct);
        using var theirs = await peer.GetProgressJsonAsync(peerFull, ct);
        var (mineShape, theirShape) = (Shape(mine.RootElement, ""), Shape(theirs.RootElement, ""));
        if (!mineShape.SetEquals(theirShape))
            throw new InvalidOperationException($"the peer's progress GET is not shaped as Journal's: Journal alone has {string.Join(", ", mineShape.Except(theirShape))}; " +
                $"the peer alone {string.Join(", ", theirShape.Except(mineShape))}");
        Log($"peer: the progress GET of a notebook of {mine.RootElement.GetProperty("daysLogged")} entries has Journal's {mineShape.Count} fields; " +
            $"{mine.RootElement.GetRawText().Length:N0} characters from Journal, {theirs.RootElement.GetRawText().Length:N0} from the peer");
    }

    /// <summary>The paths of a JSON value's fields (an array's as its first element's): what two answers must share.</summary>
    private static HashSet<string> Shape(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => [.. value.EnumerateObject().SelectMany(p => Shape(p.Value, $"{path}.{p.Name}").Append($"{path}.{p.Name}"))],
        JsonValueKind.Array when value.GetArrayLength() > 0 => Shape(value[0], path + "[]"),
        _ => [],
    };
}
