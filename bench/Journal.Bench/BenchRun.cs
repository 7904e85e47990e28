using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Journal.Hosting;

namespace Journal.Bench;

/// <summary>
/// One run: a private PostgreSQL, the published service as its own process, and every figure of issue 7
/// measured as baseline and Journal alternately in the same run, so that noise on this shared machine hits both.
/// </summary>
internal sealed partial class BenchRun(BenchOptions options) : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private Table? _comparison;
    private readonly List<IAsyncDisposable> _cleanup = [];
    private string _folder = "";
    private BenchCluster _cluster = null!;
    private string _serviceDll = "";
    private string _bareDll = "";
    private string _peerDll = "";
    private double _journalPeak;
    private CpuMeter _cpu = null!;

    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>What was run, on what, and anything the table cannot show: printed and written above the table.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The figures against their targets, or the comparison of configurations of a <c>--cluster</c> run.</summary>
    public Table Table => _comparison ?? Report.Of(_figures);

    private void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {message}"));

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await RunModeAsync(ct);
        }
        finally
        {
            _notes.Add($"load average {Machine.LoadAverage()} at the end");
        }
    }

    private async Task RunModeAsync(CancellationToken ct)
    {
        _folder = Directory.CreateTempSubdirectory("journal-bench-").FullName;
        // The postgres OS user (the cluster's owner when run as root) must be able to enter the folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        Log($"{(options.Quick ? "quick run" : options.Full ? "full run" : "one part")}: {options.Rounds} alternations per figure; work folder {_folder}");
        _notes.Add($"machine: {Machine.Describe()}; load average {Machine.LoadAverage()} at the start");

        var root = Publisher.RepositoryRoot();
        _runtimeSettings = RuntimeSettings.FromDockerfile(root);
        _notes.Add($"the service published as deploy/Dockerfile builds it (Release, ReadyToRun) and run with the image's runtime settings: " +
            string.Join(", ", _runtimeSettings.Select(s => $"{s.Key}={s.Value}")));
        
        _serviceDll = await Publisher.PublishAsync(Path.Combine(root, "src/Journal.Service/Journal.Service.csproj"), Log, ct);
        _bareDll = await Publisher.PublishAsync(Path.Combine(root, "bench/BareApp/BareApp.csproj"), Log, ct);
        if (options.Full || options.PeerOnly)
            _peerDll = await Publisher.PublishAsync(Path.Combine(root, "bench/Journal.Bench.Peer/Journal.Bench.Peer.csproj"), Log, ct);

        Log("starting PostgreSQL (embedded launcher, pg_stat_statements loaded)");
        _cluster = await BenchCluster.StartAsync(_folder, ct);
        _cpu = new CpuMeter(_cluster.DataDirectory);
        _notes.Add($"PostgreSQL {await _cluster.ScalarAsync<string>("journal", "SHOW server_version", ct)}, the benchmark's own cluster (embedded launcher, default settings)");

        _notes.Add($"every Journal service as in production: a bearer token on every request (each node caching the tokens it found live, as in production), tenancy on (an account per tenant), traces exported " +
            $"over OTLP/HTTP to a local receiver in the benchmark (the telemetry figures' \"off\" side excepted); the notebooks the load starts and " +
            $"the grown store's go {Seeder.NotebooksPerAccount} to an account, each request signed in with its account's token (accounts seeded in the database)");

        // A mode runs one part alone; without one, every part runs in turn.
        Func<CancellationToken, Task>? alone = options switch
        {
            { ProfileFile: { } trace } => t => ProfileAsync(trace, t),
            { TelemetryOnly: true } => MeasureTelemetryAsync,
            { ClusterOnly: true } => MeasureClusterAsync,
            { LongNotebookOnly: true } => MeasureLongNotebookAsync,
            { PeerOnly: true } => MeasurePeerAsync,
            { LoadOnly: true } => MeasureLoadAsync,
            { GrowthOnly: true } => MeasureGrowthAndReplayAsync,
            { ColdStartOnly: true } => async t =>
            {
                await _cluster.CreateDatabaseAsync("journal_empty", t);
                using var seeder = new Seeder(_cluster.ConnectionString("journal_empty"));
                _emptyToken = await seeder.SeedOwnerAsync(t);
                await MeasureColdStartAsync(t);
            },
            _ => null,
        };
        if (alone is not null)
        {
            await alone(ct);
            return;
        }
        await MeasureLoadAsync(ct);
        await MeasureTelemetryAsync(ct);
        await MeasurePeerAsync(ct);
        await MeasureGrowthAndReplayAsync(ct);
        await MeasureLongNotebookAsync(ct);
        await MeasureColdStartAsync(ct);
    }

    private readonly List<(ServiceProcess Service, string Log)> _running = [];

    /// <summary>
    /// The service as it runs in production: accounts and tokens on, tenancy on, and (unless <paramref name="telemetry"/>
    /// is false) traces exported over OTLP to a local receiver (<see cref="OtlpReceiver"/>) that the run owns.
    /// </summary>
    private ServiceProcess StartService(string name, string database, IReadOnlyDictionary<string, string>? more = null, int? port = null, bool telemetry = true)
    {
        var log = Path.Combine(_folder, name + ".log");
        // The API's per-token rate limit is off, since the benchmark is the flood.
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Journal"] = _cluster.ConnectionString(database),
            ["Journal__RateLimits__ApiPerMinute"] = "0",
        };
        if (telemetry)
        {
            _receiver ??= new OtlpReceiver();
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = _receiver.Endpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }
        foreach (var (key, value) in _runtimeSettings) environment[key] = value;
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) environment[key] = value;
        return Track(ServiceProcess.Start(_serviceDll, log, environment, port), log);
    }

    /// <summary>The image's DOTNET_ settings (<see cref="RuntimeSettings"/>), given to every service the run starts.</summary>
    private IReadOnlyDictionary<string, string> _runtimeSettings = new Dictionary<string, string>();

    /// <summary>Where every service of the run exports its traces (<see cref="StartService"/>).</summary>
    private OtlpReceiver? _receiver;

    private readonly List<Seeder> _seeders = [];

    /// <summary>
    /// Spreads the notebooks <paramref name="api"/> starts over accounts made in <paramref name="database"/>, a few to
    /// each (<see cref="JournalApi.SpreadOverAccounts"/>), as people keep them: one person does not log hundreds of days a second.
    /// </summary>
    private void SpreadOverAccounts(JournalApi api, string database)
    {
        var seeder = new Seeder(_cluster.ConnectionString(database));
        _seeders.Add(seeder);
        api.SpreadOverAccounts(seeder);
    }

    /// <summary>Stopped with the run, and checked after each measurement.</summary>
    private ServiceProcess Track(ServiceProcess process, string log)
    {
        _cleanup.Add(process);
        _running.Add((process, log));
        return process;
    }

    /// <summary>A measurement of a dead service means nothing: stop the run, and keep the work folder for its log.</summary>
    private void EnsureServicesAlive()
    {
        try
        {
            foreach (var (service, log) in _running) service.EnsureAlive(log);
        }
        catch (InvalidOperationException)
        {
            _keepFolder = true;
            throw;
        }
    }

    private bool _keepFolder;

    /// <summary>The token of the empty store's owner: the growth figures' reads and the cold start sign in with it.</summary>
    private string _emptyToken = "";

    private static Task<HttpResponseMessage> Ready(HttpClient http) => http.GetAsync("/health/ready");

    // ---- command throughput, single-client latency, tail at half the peak, reads, memory ----

    private async Task MeasureLoadAsync(CancellationToken ct)
    {
        var service = StartService("service", "journal");
        var started = await service.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        Log($"service ready in {started.TotalSeconds:0.00} s (first start: creates the schema) at {service.BaseAddress}");
        _cpu = _cpu with { ServicePids = [service.Pid] };
        using var journal = new JournalApi(service.BaseAddress);
        await journal.SignUpAsync(ct);
        SpreadOverAccounts(journal, "journal");
        await using var baseline = await Baseline.CreateAsync(_cluster.ConnectionString("journal"), ct);
        var profile = new StatementProfile(_cluster.ConnectionString("journal"));
        var clients = options.Clients;

        Log($"warm-up: {options.Warmup.TotalSeconds:0} s each, {clients} clients");
        await PrepareAsync(journal.Targets, clients, 1500, options.Warmup, ct);
        await PrepareAsync(baseline.Targets, clients, 5000, options.Warmup, ct);
        var warmBaseline = await Load.ClosedLoopAsync(clients, options.Warmup, baseline.LogDayAsync, ct);
        var warmJournal = await Load.ClosedLoopAsync(clients, options.Warmup, journal.LogDayAsync, ct);
        Log($"warm-up: baseline {warmBaseline.PerSecond:N0}/s, Journal {warmJournal.PerSecond:N0}/s");

        // Command throughput
        await profile.ResetAsync(ct);
        var (b, j) = await AlternateAsync("command throughput", async () =>
            {
                await PrepareAsync(baseline.Targets, clients, 5000, options.Throughput, ct);
                return await Load.ClosedLoopAsync(clients, options.Throughput, baseline.LogDayAsync, ct);
            },
            async () =>
            {
                await PrepareAsync(journal.Targets, clients, 1500, options.Throughput, ct);
                return await Load.ClosedLoopAsync(clients, options.Throughput, journal.LogDayAsync, ct);
            },
            r => $"{r.PerSecond:N0}/s", cpuPer: "LogDay");
        foreach (var line in StatementProfile.Describe("LogDay", await profile.ReadAsync(ct), j.Succeeded, b.Succeeded)) Log(line);
        _journalPeak = j.PerSecond;
        _figures.Add(Figure.AtLeast($"command throughput (LogDay, {clients} clients)", j.PerSecond, b.PerSecond, "/s", 0.6));
        var sustained = j.PerSecond;

        // Single-client latency
        (b, j) = await AlternateAsync("single-client LogDay", async () =>
            {
                await PrepareAsync(baseline.Targets, 1, 2000, options.Latency, ct);
                return await Load.ClosedLoopAsync(1, options.Latency, baseline.LogDayAsync, ct);
            },
            async () =>
            {
                await PrepareAsync(journal.Targets, 1, 500, options.Latency, ct);
                return await Load.ClosedLoopAsync(1, options.Latency, journal.LogDayAsync, ct);
            },
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "LogDay");
        _figures.Add(Figure.AtMost("single-client LogDay p50", j.Percentile(50), b.Percentile(50), "ms", 1.8));

        // Tail at half of Journal's peak, both sides at the same fixed arrival rate
        var rate = Math.Max(10, _journalPeak / 2);
        (b, j) = await AlternateAsync($"LogDay at {rate:N0}/s (open loop)", async () =>
            {
                await PrepareAsync(baseline.Targets, clients, rate, options.Tail, ct);
                return await WithWalAsync("baseline", () => Load.OpenLoopAsync(rate, options.Tail, clients, baseline.LogDayAsync, ct), ct);
            },
            async () =>
            {
                await PrepareAsync(journal.Targets, clients, rate, options.Tail, ct);
                return await WithWalAsync("Journal", () => Load.OpenLoopAsync(rate, options.Tail, clients, journal.LogDayAsync, ct), ct);
            },
            r => $"p50 {r.Percentile(50):0.0} ms, p99 {r.PercentileCountingFailures(99):0.0} ms (sent ≤ {r.LateMs:0.0} ms late at p99)", cpuPer: "LogDay");
        // A failed request (or one never sent because 512 were waiting) is the tail, on either side. Journal's p99 is over
        // all its rounds, so a stall in any round counts; the baseline's is its median round's, so that a stall of the
        // machine in one baseline round cannot pass Journal (one run measured the baseline at 201 ms in one round, 4 in the others).
        var baselineTail = b.MedianRound(r => r.PercentileCountingFailures(99));
        Log($"LogDay at {rate:N0}/s (open loop): the baseline's p99 in its median round {baselineTail:0.0} ms (the reference of the figure)");
        _figures.Add(Figure.AtMost($"LogDay p99 at half Journal's peak ({rate:N0}/s)", j.PercentileCountingFailures(99), baselineTail, "ms", 3));

        // Reads: the progress GET against a raw read of the same document by key
        var notebooks = journal.Targets.Notebooks;
        var cursor = 0;
        Guid NextNotebook() => notebooks[(int)((uint)Interlocked.Increment(ref cursor) % notebooks.Count)];
        var warmReads = TimeSpan.FromSeconds(options.Warmup.TotalSeconds / 2);
        var warmB = await Load.ClosedLoopAsync(clients, warmReads, (_, t) => baseline.ReadDocumentAsync(NextNotebook(), t), ct);
        var warmJ = await Load.ClosedLoopAsync(clients, warmReads, (_, t) => journal.GetProgressAsync(NextNotebook(), t), ct);
        Log($"reads warm-up: {warmReads.TotalSeconds:0} s each: baseline {warmB.PerSecond:N0}/s, Journal {warmJ.PerSecond:N0}/s");
        await profile.ResetAsync(ct);
        (b, j) = await AlternateAsync("reads", () => Load.ClosedLoopAsync(clients, options.Reads, (_, t) => baseline.ReadDocumentAsync(NextNotebook(), t), ct),
            () => Load.ClosedLoopAsync(clients, options.Reads, (_, t) => journal.GetProgressAsync(NextNotebook(), t), ct),
            r => $"{r.PerSecond:N0}/s", cpuPer: "read");
        foreach (var line in StatementProfile.Describe("GET", await profile.ReadAsync(ct), j.Succeeded, b.Succeeded, top: 4)) Log(line);
        _figures.Add(Figure.AtLeast($"reads (progress GET, {clients} clients)", j.PerSecond, b.PerSecond, "/s", 0.4));

        var rss = service.PeakRssBytes() / 1024.0 / 1024.0;
        Log($"service peak RSS (VmHWM) {rss:0} MB over {journal.Targets.Notebooks.Count:N0} notebooks");
        await service.StopAsync();
        _cpu = _cpu with { ServicePids = [] };
        _sustainedEventsPerSecond = sustained;
        _rssMb = rss;
    }

    /// <summary>
    /// 15 s of load on the service while dotnet-trace samples its threads (the dotnet-sampled-thread-time profile);
    /// read the result with <c>dotnet-trace report FILE topN</c>.
    /// </summary>
    private async Task ProfileAsync(string traceFile, CancellationToken ct)
    {
        var service = StartService("service", "journal");
        await service.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        using var journal = new JournalApi(service.BaseAddress);
        await journal.SignUpAsync(ct);
        SpreadOverAccounts(journal, "journal");
        var clients = options.Clients;
        var duration = TimeSpan.FromSeconds(15);
        await PrepareAsync(journal.Targets, clients, 1500, options.Warmup + duration, ct);
        await Load.ClosedLoopAsync(clients, options.Warmup, journal.LogDayAsync, ct);
        var notebooks = journal.Targets.Notebooks;
        var cursor = 0;
        Operation work = options.ProfileLoad == "read"
            ? (_, t) => journal.GetProgressAsync(notebooks[(int)((uint)Interlocked.Increment(ref cursor) % notebooks.Count)], t)
            : journal.LogDayAsync;
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var info = new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-trace") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "collect", "-p", service.Pid.ToString(CultureInfo.InvariantCulture), "--profile", options.ProfileKind == "alloc" ? "gc-verbose" : "dotnet-sampled-thread-time",
                     "--duration", "00:00:00:" + duration.TotalSeconds.ToString("00", CultureInfo.InvariantCulture), "-o", traceFile })
            info.ArgumentList.Add(arg);
        Log($"tracing the service ({options.ProfileKind}, pid {service.Pid}) for {duration.TotalSeconds:0} s under {options.ProfileLoad} load, {clients} clients, into {traceFile}");
        // "--profile none": the same load, statements and CPU only, without the tracer's overhead.
        using var tracer = traceFile.EndsWith("none", StringComparison.Ordinal) ? null
            : Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet-trace (dotnet tool install -g dotnet-trace)");
        var statements = new StatementProfile(_cluster.ConnectionString("journal"));
        await statements.ResetAsync(ct);
        _cpu = _cpu with { ServicePids = [service.Pid] };
        var cpu0 = _cpu.Take();
        var result = await Load.ClosedLoopAsync(clients, duration, work, ct);
        var cpu = _cpu.Take() - cpu0;
        Log($"{options.ProfileLoad}: {result.PerSecond:N0}/s, p50 {result.Percentile(50):0.00} ms; CPU per request: {cpu.PerRequest(result.Succeeded)}");
        foreach (var line in StatementProfile.Describe(options.ProfileLoad, await statements.ReadAsync(ct), result.Succeeded, 0, top: 16)) Log(line);
        Log($"service peak RSS (VmHWM) {service.PeakRssBytes() / 1024.0 / 1024.0:0} MB");
        if (tracer is null) return;
        await tracer.WaitForExitAsync(ct);
        Log($"dotnet-trace exit {tracer.ExitCode}; read it with: dotnet-trace report {traceFile} topN -n 40");
    }

    private double _sustainedEventsPerSecond;
    private double _rssMb;

    /// <summary>
    /// Runs <paramref name="measure"/> and says what PostgreSQL wrote to its WAL meanwhile (bytes, full-page images) and
    /// whether a checkpoint began: after a checkpoint begins, the first change to each page writes the whole page.
    /// </summary>
    private async Task<LoadResult> WithWalAsync(string side, Func<Task<LoadResult>> measure, CancellationToken ct)
    {
        const string wal = "select (select wal_bytes::bigint from pg_stat_wal), (select wal_fpi from pg_stat_wal), " +
            "(select checkpoints_timed + checkpoints_req from pg_stat_bgwriter)";
        var before = await _cluster.RowAsync<long, long, long>("journal", wal, ct);
        var result = await measure();
        var after = await _cluster.RowAsync<long, long, long>("journal", wal, ct);
        var n = Math.Max(1, result.Succeeded);
        Log($"  {side}: WAL {(after.Item1 - before.Item1) / 1024.0 / n:0.0} KB and {(after.Item2 - before.Item2) / (double)n:0.00} full-page images per request" +
            (after.Item3 > before.Item3 ? $", {after.Item3 - before.Item3} checkpoint(s) began" : ""));
        return result;
    }

    /// <summary>Enough notebooks per lane for <paramref name="perSecond"/> over <paramref name="duration"/>, with room to spare, started before the clock runs.</summary>
    private static Task PrepareAsync(DayTargets targets, int lanes, double perSecond, TimeSpan duration, CancellationToken ct) =>
        targets.EnsureAsync(lanes, (int)(perSecond * duration.TotalSeconds / lanes * 1.5) + 10, ct);

    /// <summary>
    /// One side of an alternation: <paramref name="Run"/> measures once; <paramref name="Prepare"/>, if any, runs
    /// before it outside the CPU reading; <paramref name="Cpu"/> reads the processes whose CPU counts for this side.
    /// </summary>
    private sealed record Side(string Name, Func<Task<LoadResult>> Run, CpuMeter Cpu, Func<Task>? Prepare = null);

    /// <summary>
    /// LogDays by <paramref name="lanes"/> clients for <paramref name="duration"/>, the notebooks for <paramref name="perSecond"/>
    /// of them started before each round.
    /// </summary>
    private static Side LogDaySide(string name, DayTargets targets, Operation logDay, CpuMeter cpu, int lanes, double perSecond, TimeSpan duration, CancellationToken ct) =>
        new(name, () => Load.ClosedLoopAsync(lanes, duration, logDay, ct), cpu, () => PrepareAsync(targets, lanes, perSecond, duration, ct));

    /// <summary>What one side measured over every round: the rounds' results together, and the CPU its processes used meanwhile.</summary>
    private sealed record Measured(LoadResult Load, CpuTimes Cpu)
    {
        public CpuTimes CpuPerRequest => Cpu.Per(Load.Succeeded);
    }

    private async Task<(LoadResult Baseline, LoadResult Journal)> AlternateAsync(
        string name, Func<Task<LoadResult>> baseline, Func<Task<LoadResult>> journal, Func<LoadResult, string> describe,
        string baselineName = "baseline", string journalName = "Journal", string? cpuPer = null, (CpuMeter Baseline, CpuMeter Journal)? meters = null)
    {
        // Two services compared with each other carry a meter each: each side's service CPU is its own process's.
        var (cpuB, cpuJ) = meters ?? (_cpu, _cpu);
        var measured = await AlternateAsync(name, [new Side(baselineName, baseline, cpuB), new Side(journalName, journal, cpuJ)], describe, cpuPer);
        return (measured[0].Load, measured[1].Load);
    }

    /// <summary>Each side once per round, in turn, for <see cref="BenchOptions.Rounds"/> rounds: the machine's noise hits them all.</summary>
    private async Task<IReadOnlyList<Measured>> AlternateAsync(string name, IReadOnlyList<Side> sides, Func<LoadResult, string> describe, string? cpuPer = null)
    {
        var rounds = sides.Select(_ => new List<LoadResult>()).ToArray();
        var cpu = new CpuTimes[sides.Count];
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var (side, i) in sides.Select((side, i) => (side, i)))
            {
                if (side.Prepare is { } prepare) await prepare();
                var before = side.Cpu.Take();
                rounds[i].Add(await side.Run());
                cpu[i] += side.Cpu.Take() - before;
            }
            EnsureServicesAlive();
            Log($"{name} {round}/{options.Rounds}: {string.Join(", ", sides.Select((side, i) => $"{side.Name} {describe(rounds[i][^1])}{Failures(rounds[i][^1])}"))}");
        }
        var measured = rounds.Select((r, i) => new Measured(LoadResult.Combine(r), cpu[i])).ToList();
        Log($"{name}: {string.Join(", ", sides.Select((side, i) => $"{side.Name} {describe(measured[i].Load)}"))}");
        if (cpuPer is not null)
        {
            foreach (var (side, i) in sides.Select((side, i) => (side, i)))
                Log($"  CPU per {cpuPer}, {side.Name}: {measured[i].Cpu.PerRequest(measured[i].Load.Succeeded)}");
        }
        return measured;
    }

    private static string Failures(LoadResult r) => r.Failed > 0 ? $" ({r.Failed} failed)" : "";

    // ---- telemetry on and off ----

    /// <summary>
    /// The same service twice on two databases of the cluster: telemetry off (metrics recorded, nobody scraping, no
    /// traces) and on (every request traced and exported over OTLP/HTTP to a local receiver that accepts and discards,
    /// /metrics scraped every 5 s), alternately, for LogDay throughput, single-client LogDay latency and GET throughput.
    /// </summary>
    private async Task MeasureTelemetryAsync(CancellationToken ct)
    {
        await _cluster.CreateDatabaseAsync("journal_telemetry_off", ct);
        await _cluster.CreateDatabaseAsync("journal_telemetry_on", ct);
        await using var receiver = new OtlpReceiver();
        var off = StartService("service-telemetry-off", "journal_telemetry_off", telemetry: false);
        var on = StartService("service-telemetry-on", "journal_telemetry_on", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await off.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        await on.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        using var offApi = new JournalApi(off.BaseAddress);
        using var onApi = new JournalApi(on.BaseAddress);
        await offApi.SignUpAsync(ct);
        await onApi.SignUpAsync(ct);
        SpreadOverAccounts(offApi, "journal_telemetry_off");
        SpreadOverAccounts(onApi, "journal_telemetry_on");
        using var scraping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var scraper = ScrapeEvery(on.BaseAddress, TimeSpan.FromSeconds(5), scraping.Token);
        var clients = options.Clients;
        var meters = (_cpu with { ServicePids = [off.Pid] }, _cpu with { ServicePids = [on.Pid] });
        Log($"telemetry: off at {off.BaseAddress}, on at {on.BaseAddress} (OTLP/HTTP to {receiver.Endpoint}, /metrics scraped every 5 s)");

        await PrepareAsync(offApi.Targets, clients, 1500, options.Warmup, ct);
        await PrepareAsync(onApi.Targets, clients, 1500, options.Warmup, ct);
        var warmOff = await Load.ClosedLoopAsync(clients, options.Warmup, offApi.LogDayAsync, ct);
        var warmOn = await Load.ClosedLoopAsync(clients, options.Warmup, onApi.LogDayAsync, ct);
        Log($"telemetry warm-up: off {warmOff.PerSecond:N0}/s, on {warmOn.PerSecond:N0}/s");

        var (o, n) = await AlternateAsync("telemetry: LogDay throughput", async () =>
            {
                await PrepareAsync(offApi.Targets, clients, 1500, options.Throughput, ct);
                return await Load.ClosedLoopAsync(clients, options.Throughput, offApi.LogDayAsync, ct);
            },
            async () =>
            {
                await PrepareAsync(onApi.Targets, clients, 1500, options.Throughput, ct);
                return await Load.ClosedLoopAsync(clients, options.Throughput, onApi.LogDayAsync, ct);
            },
            r => $"{r.PerSecond:N0}/s", "off", "on", cpuPer: "LogDay", meters: meters);
        _figures.Add(Figure.AtLeast($"telemetry on vs off: LogDay throughput ({clients} clients)", n.PerSecond, o.PerSecond, "/s", 0.9));

        (o, n) = await AlternateAsync("telemetry: single-client LogDay", async () =>
            {
                await PrepareAsync(offApi.Targets, 1, 500, options.Latency, ct);
                return await Load.ClosedLoopAsync(1, options.Latency, offApi.LogDayAsync, ct);
            },
            async () =>
            {
                await PrepareAsync(onApi.Targets, 1, 500, options.Latency, ct);
                return await Load.ClosedLoopAsync(1, options.Latency, onApi.LogDayAsync, ct);
            },
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", "off", "on", meters: meters);
        _figures.Add(Figure.AtMost("telemetry on vs off: single-client LogDay p50", n.Percentile(50), o.Percentile(50), "ms", 1.1));

        var (offIds, onIds) = (offApi.Targets.Notebooks, onApi.Targets.Notebooks);
        var (offCursor, onCursor) = (0, 0);
        (o, n) = await AlternateAsync("telemetry: reads",
            () => Load.ClosedLoopAsync(clients, options.Reads, (_, t) => offApi.GetProgressAsync(offIds[(int)((uint)Interlocked.Increment(ref offCursor) % offIds.Count)], t), ct),
            () => Load.ClosedLoopAsync(clients, options.Reads, (_, t) => onApi.GetProgressAsync(onIds[(int)((uint)Interlocked.Increment(ref onCursor) % onIds.Count)], t), ct),
            r => $"{r.PerSecond:N0}/s", "off", "on", cpuPer: "read", meters: meters);
        _figures.Add(Figure.AtLeast($"telemetry on vs off: reads (progress GET, {clients} clients)", n.PerSecond, o.PerSecond, "/s", 0.9));

        await scraping.CancelAsync();
        var scrapes = await scraper;
        Log($"telemetry: the receiver took {receiver.Exports:N0} OTLP exports ({receiver.Bytes / 1024.0 / 1024.0:0.0} MB); " +
            $"{scrapes.Count} scrapes of /metrics, {scrapes.DefaultIfEmpty().Average():N0} bytes each");
        if (receiver.Exports == 0) throw new InvalidOperationException("the service with telemetry on exported no traces: the comparison means nothing");
        await off.StopAsync();
        await on.StopAsync();
    }

    /// <summary>Scrapes /metrics as Prometheus would (from loopback, so no token), until cancelled; the sizes of the answers.</summary>
    private static async Task<List<long>> ScrapeEvery(Uri service, TimeSpan every, CancellationToken ct)
    {
        using var http = new HttpClient(JournalApi.NewHandler()) { BaseAddress = service };
        var sizes = new List<long>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                sizes.Add((await http.GetByteArrayAsync("/metrics", ct)).LongLength);
                await Task.Delay(every, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        return sizes;
    }

    // ---- growth and replay ----

    /// <summary>
    /// Waits until the asynchronous projections of <paramref name="database"/> have caught up with its events: the seeded
    /// store holds the inline projections' documents but not the account-wide study's, which a store grown in service
    /// would have. Without the wait the service's daemon works through the million events during the measurement.
    /// </summary>
    private async Task AsyncProjectionsCaughtUpAsync(string database, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        const string behind =
            $"select count(*) from {Persistence.Schema}.mt_event_progression where name not like 'HighWater%' " +
            $"and last_seq_id < (select coalesce(max(seq_id), 0) from {Persistence.Schema}.mt_events)";
        const string projections = $"select count(*) from {Persistence.Schema}.mt_event_progression where name not like 'HighWater%'";
        while (await _cluster.ScalarAsync<long>(database, projections, ct) == 0 || await _cluster.ScalarAsync<long>(database, behind, ct) > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"the asynchronous projections of {database} did not catch up within 5 minutes");
            await Task.Delay(500, ct);
        }
        Log($"{database}: asynchronous projections caught up ({waited.Elapsed.TotalSeconds:0.0} s after the service was ready)");
    }

    private async Task MeasureGrowthAndReplayAsync(CancellationToken ct)
    {
        await _cluster.CreateDatabaseAsync("journal_grown", ct);
        await _cluster.CreateDatabaseAsync("journal_empty", ct);
        Log($"seeding {options.SeedEvents:N0} events over {options.SeedNotebooks:N0} notebooks (bulk COPY in Marten's layout)");
        using var seeder = new Seeder(_cluster.ConnectionString("journal_grown"));
        var grownToken = await seeder.SeedOwnerAsync(ct);
        var grownSeeded = await seeder.SeedAsync(options.SeedNotebooks, options.EventsPerNotebook, Log, ct);
        var grownIds = grownSeeded.Select(s => s.Notebook).ToList();
        // The empty store holds only a few notebooks shaped like the grown ones, so reads compare like with like.
        IReadOnlyList<(Guid Notebook, string Token)> emptySeeded;
        using (var emptySeeder = new Seeder(_cluster.ConnectionString("journal_empty")))
        {
            _emptyToken = await emptySeeder.SeedOwnerAsync(ct);
            emptySeeded = await emptySeeder.SeedAsync(16, options.EventsPerNotebook, _ => { }, ct);
        }
        var emptyIds = emptySeeded.Select(s => s.Notebook).ToList();
        await _cluster.ExecuteAsync("journal_grown", "VACUUM ANALYZE", ct);
        await _cluster.ExecuteAsync("journal_empty", "VACUUM ANALYZE", ct);

        var grown = StartService("service-grown", "journal_grown");
        var empty = StartService("service-empty", "journal_empty");
        await grown.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        await empty.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        using var grownApi = new JournalApi(grown.BaseAddress);
        using var emptyApi = new JournalApi(empty.BaseAddress);
        grownApi.UseToken(grownToken);
        emptyApi.UseToken(_emptyToken);
        foreach (var (id, token) in grownSeeded) grownApi.Know(id, token);
        foreach (var (id, token) in emptySeeded) emptyApi.Know(id, token);
        SpreadOverAccounts(grownApi, "journal_grown");
        SpreadOverAccounts(emptyApi, "journal_empty");
        await CheckSeededAsync(grownApi, grownIds[^1], options.EventsPerNotebook - 1, null, ct);
        await CheckSeededAsync(emptyApi, emptyIds[0], options.EventsPerNotebook - 1, null, ct);
        Log($"growth: services on the grown store ({options.SeedEvents:N0} events) and on an empty one ({emptyIds.Count * options.EventsPerNotebook:N0} events)");
        await AsyncProjectionsCaughtUpAsync("journal_grown", ct);
        await AsyncProjectionsCaughtUpAsync("journal_empty", ct);

        // LogDay on notebooks started for the measurement on both stores: only the store's size differs. Both services
        // are fresh: without load first, their tiered JIT recompiles during the rounds (p50 8–12 ms instead of 2).
        var growthWarmup = TimeSpan.FromSeconds(options.Warmup.TotalSeconds / 2);
        (CpuMeter, CpuMeter) meters = (_cpu with { ServicePids = [empty.Pid] }, _cpu with { ServicePids = [grown.Pid] });
        await PrepareAsync(emptyApi.Targets, 1, 500, growthWarmup, ct);
        await PrepareAsync(grownApi.Targets, 1, 500, growthWarmup, ct);
        await Task.WhenAll(Load.ClosedLoopAsync(1, growthWarmup, emptyApi.LogDayAsync, ct), Load.ClosedLoopAsync(1, growthWarmup, grownApi.LogDayAsync, ct));
        Log($"growth warm-up: {growthWarmup.TotalSeconds:0} s of single-client LogDay on both services at once");
        var (e, g) = await AlternateAsync("growth LogDay", async () =>
            {
                await PrepareAsync(emptyApi.Targets, 1, 500, options.Growth, ct);
                return await Load.ClosedLoopAsync(1, options.Growth, emptyApi.LogDayAsync, ct);
            },
            async () =>
            {
                await PrepareAsync(grownApi.Targets, 1, 500, options.Growth, ct);
                return await Load.ClosedLoopAsync(1, options.Growth, grownApi.LogDayAsync, ct);
            },
            r => $"p50 {r.Percentile(50):0.00} ms", "empty", "grown", cpuPer: "LogDay", meters: meters);
        _figures.Add(Figure.AtMost($"growth: LogDay p50, {options.SeedEvents:N0} events stored vs empty", g.Percentile(50), e.Percentile(50), "ms", 1.2));

        // GET of notebooks with the same history: any of the grown store's, or the empty store's few. Each is read
        // once first, on both stores: the figure is the steady state of a store's size, not the cold page cache the
        // bulk seeding left behind (without it the first round read 1.22 against 0.71 ms, the third 0.98 against 0.64).
        var warm = Stopwatch.StartNew();
        await WarmAsync(emptyIds, emptyApi.GetProgressAsync, ct);
        await WarmAsync(grownIds, grownApi.GetProgressAsync, ct);
        Log($"growth GET: every notebook read once on both stores first ({warm.Elapsed.TotalSeconds:0.0} s)");
        var random = new Random(7);
        (e, g) = await AlternateAsync("growth GET", () => Load.ClosedLoopAsync(1, options.Growth, (_, t) => emptyApi.GetProgressAsync(emptyIds[random.Next(emptyIds.Count)], t), ct),
            () => Load.ClosedLoopAsync(1, options.Growth, (_, t) => grownApi.GetProgressAsync(grownIds[random.Next(grownIds.Count)], t), ct),
            r => $"p50 {r.Percentile(50):0.00} ms", "empty", "grown", cpuPer: "GET", meters: meters);
        _figures.Add(Figure.AtMost($"growth: progress GET p50, {options.SeedEvents:N0} events stored vs empty", g.Percentile(50), e.Percentile(50), "ms", 1.2));

        Log($"grown-store service peak RSS {grown.PeakRssBytes() / 1024.0 / 1024.0:0} MB");
        await grown.StopAsync();
        await empty.StopAsync();

        if (options.GrowthOnly) return; // the replay's figure is against the load's sustained rate, not measured here

        // Replay: every projection rebuilt from the grown store's events, in-process with the service's own store configuration.
        var sample = grownIds.Take(3).Append(grownIds[^1]).ToList();
        var before = await seeder.SampleDocumentsAsync(sample, ct);
        Log($"replay: rebuilding every projection from the {options.SeedEvents:N0} events (bounded at {options.ReplayCap.TotalSeconds:0} s)");
        var cpu0 = _cpu.Take();
        var (elapsed, through, completed) = await seeder.RebuildAllAsync(options.SeedEvents, options.ReplayCap, Log, ct);
        var cpu = _cpu.Take() - cpu0;
        var replayRate = through / elapsed.TotalSeconds;
        Log($"replay: {through:N0} events through every projection in {elapsed.TotalSeconds:0.0} s = {replayRate:N0} events/s; " +
            $"CPU: rebuilding process {cpu.ClientMs / 1000:0.0} s, PostgreSQL {cpu.PostgresMs / 1000:0.0} s");
        if (completed)
        {
            var after = await seeder.SampleDocumentsAsync(sample, ct);
            var same = before.SequenceEqual(after);
            Log(same
                ? "replay: rebuilt documents are identical to the seeded ones (progress, 4 notebooks)"
                : "replay: ! rebuilt documents differ from the seeded ones");
        }
        _figures.Add(Figure.AtLeast(
            $"replay: rebuild all projections ({options.SeedEvents:N0} events{(completed ? "" : ", rate over the bounded part")}) vs sustained LogDay",
            replayRate, _sustainedEventsPerSecond, "events/s", 5));
    }

    /// <summary>Each notebook read once with <paramref name="read"/>, by as many callers as the load has clients.</summary>
    private async Task WarmAsync(IReadOnlyList<Guid> ids, Func<Guid, CancellationToken, ValueTask<bool>> read, CancellationToken ct)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
                await read(ids[i], ct);
        }));
    }

    private static async Task CheckSeededAsync(JournalApi api, Guid notebook, int expectedDays, string? token, CancellationToken ct)
    {
        using var progress = await api.GetProgressJsonAsync(notebook, token, ct);
        var days = progress.RootElement.GetProperty("daysLogged").GetInt32();
        if (days != expectedDays)
            throw new InvalidOperationException($"seeded notebook {notebook} reads back {days} days, not {expectedDays}: the service did not see the seed");
    }

    // ---- cold start ----

    private async Task MeasureColdStartAsync(CancellationToken ct)
    {
        var journalName = "Journal";
        var (bare, service) = await AlternateAsync("cold start", async () =>
            {
                await using var app = ServiceProcess.Start(_bareDll, Path.Combine(_folder, "bare.log"), new Dictionary<string, string>());
                return Single(await app.WaitUntilServingAsync(http => http.PostAsync("/", null), TimeSpan.FromMinutes(1), ct));
            },
            async () =>
            {
                await using var app = StartService("service-cold", "journal_empty");
                return Single(await app.WaitUntilServingAsync(http =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/notebooks") { Content = new ByteArrayContent(Payloads.StartNotebook(DayTargets.TodayUtc)) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emptyToken);
                    return http.SendAsync(request);
                }, TimeSpan.FromMinutes(2), ct));
            },
            r => $"{r.Percentile(50) / 1000:0.00} s", "bare app", journalName);
        _figures.Add(Figure.AtMost("cold start to first 2xx (POST)", service.Percentile(50) / 1000, bare.Percentile(50) / 1000, "s", 2.5));
        if (options.Full) _figures.Add(new Figure("peak RSS of the service under load (VmHWM)", Figure.Format(_rssMb, "MB"), "—", null, "≤ 250 MB", _rssMb <= 250));
    }

    private static LoadResult Single(TimeSpan elapsed) => LoadResult.From([[elapsed.TotalMilliseconds]], 0, elapsed);

    public async ValueTask DisposeAsync()
    {
        foreach (var item in _cleanup) await item.DisposeAsync();
        foreach (var seeder in _seeders) seeder.Dispose();
        if (_receiver is not null) await _receiver.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (options.KeepFolder || _keepFolder || _folder.Length == 0)
        {
            if (_folder.Length > 0) Console.WriteLine($"work folder kept: {_folder}");
            return;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            Console.WriteLine($"could not remove {_folder}: {e.Message}");
        }
    }
}
