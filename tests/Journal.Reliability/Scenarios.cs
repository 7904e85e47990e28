using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Journal.Reliability;

/// <summary>Sizes of a run; <c>--quick</c> shrinks them for a smoke run.</summary>
public sealed record Settings(bool Quick)
{
    public int Notebooks => Quick ? 4 : 8;
    public int DaysPerNotebook => Quick ? 75 : 300;
    public int Workers => Quick ? 8 : 16;
    /// <summary>The hard stop of a scenario's load, whatever happens.</summary>
    public TimeSpan LoadBudget => TimeSpan.FromSeconds(Quick ? 90 : 240);
    public TimeSpan Steady => TimeSpan.FromSeconds(Quick ? 3 : 5);
    public TimeSpan Down => TimeSpan.FromSeconds(Quick ? 5 : 10);
    public TimeSpan After => TimeSpan.FromSeconds(Quick ? 3 : 6);
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(10);
}

public static partial class Scenarios
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Progress(string line) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss\\.f}] {line}");

    /// <summary>
    /// Scenario 2: LogDay from many workers on several notebooks while the service is killed with SIGKILL three
    /// times and restarted; then every acknowledged command must be in the store exactly once and every audit consistent.
    /// </summary>
    public static async Task<ScenarioResult> CrashAsync(Settings settings, string dll, string scratch)
    {
        Progress("crash: starting PostgreSQL and the service");
        await using var cluster = await Cluster.StartAsync(Path.Combine(scratch, "crash"));
        await using var service = new ServiceProcess(dll, cluster.ConnectionString, Path.Combine(scratch, "crash-service.log"));
        using var client = Driver.NewClient();
        var driver = new Driver(client, service.BaseAddress);
        service.Start();
        await service.WaitReadyAsync(client, TimeSpan.FromSeconds(60));
        await driver.SignUpAsync();

        var (notebooks, commands) = await PrepareAsync(driver, settings.Notebooks, settings.DaysPerNotebook, "Crash");
        Progress($"crash: {commands.Count} LogDay commands on {notebooks.Count} notebooks, {settings.Workers} workers; kill -9 at 25%, 50% and 75% acknowledged");
        using var stop = new CancellationTokenSource(settings.LoadBudget);
        var load = RunLoadAsync(driver, commands, settings.Workers, stop.Token);

        var recoveries = new List<TimeSpan>();
        foreach (var fraction in new[] { 0.25, 0.5, 0.75 })
        {
            while (driver.Ledger.Count < fraction * commands.Count && !load.IsCompleted) await Task.Delay(20);
            if (load.IsCompleted) break;
            var killedAt = DateTimeOffset.UtcNow;
            await service.KillAsync();
            Progress($"crash: killed the service (SIGKILL) at {driver.Ledger.Count} acknowledged; restarting it");
            service.Start();
            var recovery = await FirstSuccessAfterAsync(driver, killedAt, TimeSpan.FromSeconds(90));
            recoveries.Add(recovery ?? TimeSpan.MaxValue);
            Progress(recovery is { } r ? $"crash: first 2xx {r.TotalSeconds:F1} s after the kill" : "crash: no 2xx within 90 s of the kill");
        }
        await load;
        Progress($"crash: load done, {driver.Ledger.Count} acknowledged; checking the store and every audit");

        var check = await StoreCheck.RunAsync(cluster.ConnectionString, driver, notebooks);
        var observations = driver.Observations.ToList();
        var serverErrors = observations.Count(o => o.Status is >= 500 and not 503);
        var notes = new List<string>
        {
            Summary(driver, commands.Count),
            $"in doubt (no 2xx before giving up): {check.InDoubt}, of which {check.InDoubtCommitted} are in the store; none were acknowledged, so none is lost",
            $"transport errors (connection refused or reset while the service was down): {observations.Count(o => o.Status is null)}; 503: {observations.Count(o => o.Status == 503)}",
            $"recovery after each kill (SIGKILL to first 2xx, including the process start): {string.Join(", ", recoveries.Select(Seconds))}",
            $"audits: {check.Notebooks - check.AuditsInconsistent} of {check.Notebooks} consistent; acknowledged at another version than stored: {check.WrongVersion}",
            Claims(check),
        };
        notes.AddRange(check.Problems);
        notes.AddRange(driver.Surprises.Take(10).Select(s => $"unexpected: {s}"));
        var passed = check is { Lost: 0, Duplicated: 0, WrongVersion: 0, AuditsInconsistent: 0 } && serverErrors == 0 && recoveries.Count == 3
            && recoveries.All(r => r < TimeSpan.FromSeconds(90)) && driver.Outcomes.Values.All(o => o != Outcome.Rejected);
        return new ScenarioResult("crash (kill -9 × 3)", observations.Count, driver.Ledger.Count, check.Lost, check.Duplicated,
            serverErrors.ToString(CultureInfo.InvariantCulture), $"{Seconds(recoveries.DefaultIfEmpty().Max())} (worst of {recoveries.Count})", passed, notes);
    }

    /// <summary>
    /// Scenario 3: LogDay load while PostgreSQL is stopped in immediate mode and started again on the same port.
    /// While it is down every answer must be a prompt 503 with Retry-After and /health/ready 503; after it is
    /// back the service must answer 2xx within 10 seconds on its own; nothing acknowledged may be lost.
    /// </summary>
    public static async Task<ScenarioResult> OutageAsync(Settings settings, string dll, string scratch)
    {
        Progress("outage: starting PostgreSQL and the service");
        await using var cluster = await Cluster.StartAsync(Path.Combine(scratch, "outage"));
        await using var service = new ServiceProcess(dll, cluster.ConnectionString, Path.Combine(scratch, "outage-service.log"));
        using var client = Driver.NewClient();
        var driver = new Driver(client, service.BaseAddress) { CommandBudget = settings.Down + TimeSpan.FromSeconds(30) };
        service.Start();
        await service.WaitReadyAsync(client, TimeSpan.FromSeconds(60));
        await driver.SignUpAsync();

        // More commands than the phases can use: the load stops on time, not on running out.
        var (notebooks, commands) = await PrepareAsync(driver, settings.Notebooks * 2, 360, "Outage");
        using var stop = new CancellationTokenSource(settings.LoadBudget);
        Progress($"outage: load of {settings.Workers} workers on {notebooks.Count} notebooks; steady for {settings.Steady.TotalSeconds:F0} s");
        var load = RunLoadAsync(driver, commands, settings.Workers, stop.Token);
        var health = new ConcurrentQueue<(DateTimeOffset At, int? Status)>();
        var polling = PollHealthAsync(driver, health, stop.Token);
        await Task.Delay(settings.Steady);

        await cluster.StopImmediatelyAsync();
        var downAt = DateTimeOffset.UtcNow;
        Progress($"outage: PostgreSQL stopped in immediate mode at {driver.Ledger.Count} acknowledged; down for {settings.Down.TotalSeconds:F0} s");
        await Task.Delay(settings.Down);
        var upAt = DateTimeOffset.UtcNow;
        await cluster.StartAgainAsync();
        var backAt = DateTimeOffset.UtcNow;
        Progress($"outage: PostgreSQL started again on port {cluster.Port}, accepting connections after {(backAt - upAt).TotalSeconds:F1} s (crash recovery)");
        var fromStart = await FirstSuccessAfterAsync(driver, upAt, TimeSpan.FromSeconds(30));
        // The service cannot answer 2xx before its database is back: its own recovery counts from then.
        TimeSpan? recovery = fromStart is { } f ? TimeSpan.FromTicks(Math.Max(0, (f - (backAt - upAt)).Ticks)) : null;
        Progress(recovery is { } r ? $"outage: first 2xx {r.TotalSeconds:F1} s after PostgreSQL was back ({fromStart!.Value.TotalSeconds:F1} s after pg_ctl start)" : "outage: no 2xx within 30 s of the start");
        await Task.Delay(settings.After);
        await stop.CancelAsync();
        await load;
        await polling;
        Progress($"outage: load stopped, {driver.Ledger.Count} acknowledged; checking the store and every audit");
        var (healthAfter, _) = await driver.GetAsync("/health/ready");

        var check = await StoreCheck.RunAsync(cluster.ConnectionString, driver, notebooks);
        var observations = driver.Observations.ToList();
        // Requests sent while the database was down; those already running when it went are judged with the rest.
        var whileDown = observations.Where(o => o.At >= downAt && o.At + o.Latency <= upAt).ToList();
        var prompt503 = whileDown.Count(o => o is { Status: 503, RetryAfter: true, ProblemType: "/problems/service-unavailable" });
        var slowest = whileDown.Select(o => o.Latency).DefaultIfEmpty().Max();
        var healthDown = health.Where(h => h.At >= downAt + TimeSpan.FromSeconds(1) && h.At < upAt).ToList();
        var serverErrors = observations.Count(o => o.Status is >= 500 and not 503);
        var notes = new List<string>
        {
            Summary(driver, commands.Count),
            $"while down ({settings.Down.TotalSeconds:F0} s): {whileDown.Count} requests, {prompt503} answered 503 service-unavailable with Retry-After, " +
                $"{whileDown.Count - prompt503} otherwise ({Describe(whileDown.Where(o => o is not { Status: 503, RetryAfter: true }))}); slowest answer {slowest.TotalMilliseconds:F0} ms (client timeout {Driver.RequestTimeout.TotalSeconds:F0} s)",
            $"/health/ready while down: {healthDown.Count(h => h.Status == 503)} × 503 of {healthDown.Count} polls; after: {healthAfter}",
            $"recovery: PostgreSQL accepted connections {(backAt - upAt).TotalSeconds:F1} s after `pg_ctl start` (its crash recovery); the service's first 2xx came {Seconds(recovery ?? TimeSpan.MaxValue)} after that, " +
                $"{Seconds(fromStart ?? TimeSpan.MaxValue)} after `pg_ctl start` (limit {Settings.RecoveryLimit.TotalSeconds:F0} s, from the database being back)",
            $"in doubt (no 2xx before giving up or the end of the load): {check.InDoubt}, of which {check.InDoubtCommitted} are in the store; none were acknowledged, so none is lost",
            $"audits: {check.Notebooks - check.AuditsInconsistent} of {check.Notebooks} consistent; acknowledged at another version than stored: {check.WrongVersion}",
            Claims(check),
        };
        notes.AddRange(check.Problems);
        notes.AddRange(driver.Surprises.Take(10).Select(s => $"unexpected: {s}"));
        var passed = check is { Lost: 0, Duplicated: 0, WrongVersion: 0, AuditsInconsistent: 0 } && serverErrors == 0
            && whileDown.Count > 0 && prompt503 == whileDown.Count && healthDown.Count > 0 && healthDown.All(h => h.Status == 503) && healthAfter == 200
            && recovery < Settings.RecoveryLimit && driver.Outcomes.Values.All(o => o != Outcome.Rejected);
        return new ScenarioResult("database outage (immediate stop)", observations.Count, driver.Ledger.Count, check.Lost, check.Duplicated,
            $"{serverErrors} (+{observations.Count(o => o.Status == 503)} × 503 with Retry-After)",
            $"{Seconds(recovery ?? TimeSpan.MaxValue)} after PostgreSQL was back ({Seconds(fromStart ?? TimeSpan.MaxValue)} after `pg_ctl start`)", passed, notes);
    }

    private static async Task<(IReadOnlyList<Guid> Notebooks, IReadOnlyList<Command> Commands)> PrepareAsync(Driver driver, int notebooks, int days, string title)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-364);
        var ids = new List<Guid>();
        for (var i = 0; i < notebooks; i++) ids.Add(await driver.StartNotebookAsync($"{title} {i}", start));
        // Interleaved: every notebook is written by several workers at once.
        var commands = Enumerable.Range(0, Math.Min(days, 360)).SelectMany(d => ids.Select(id => new Command(id, start.AddDays(d)))).ToList();
        return (ids, commands);
    }

    private static async Task RunLoadAsync(Driver driver, IReadOnlyList<Command> commands, int workers, CancellationToken stop)
    {
        try
        {
            await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = stop },
                async (command, ct) => await driver.LogAsync(command, ct));
        }
        catch (OperationCanceledException)
        {
            // the load's time is up
        }
    }

    private static async Task PollHealthAsync(Driver driver, ConcurrentQueue<(DateTimeOffset, int?)> health, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = DateTimeOffset.UtcNow;
            try
            {
                var (status, _) = await driver.GetAsync("/health/ready");
                health.Enqueue((at, status));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                health.Enqueue((at, null));
            }
            await Task.Delay(250, CancellationToken.None);
        }
    }

    /// <summary>Time from <paramref name="since"/> to the first 2xx answer to a request sent after it.</summary>
    private static async Task<TimeSpan?> FirstSuccessAfterAsync(Driver driver, DateTimeOffset since, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var first = driver.Observations.Where(o => o.At >= since && o.Status is >= 200 and < 300).Select(o => o.At + o.Latency).DefaultIfEmpty().Min();
            if (first != default) return first - since;
            await Task.Delay(20);
        }
        return null;
    }

    private static string Summary(Driver driver, int commands)
    {
        var outcomes = driver.Outcomes.Values.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        return $"commands: {commands} planned, {driver.Outcomes.Count} attempted; {outcomes.GetValueOrDefault(Outcome.Acknowledged)} acknowledged, " +
            $"{outcomes.GetValueOrDefault(Outcome.FoundLogged)} found logged by a retry (the first attempt committed, its answer was lost), " +
            $"{outcomes.GetValueOrDefault(Outcome.ClaimStuck)} refused by a stuck idempotency claim (409 on every retry), " +
            $"{outcomes.GetValueOrDefault(Outcome.GaveUp)} gave up or stopped, {outcomes.GetValueOrDefault(Outcome.Rejected)} rejected";
    }

    private static string Claims(StoreCheck check) =>
        $"Idempotency-Key claims left without a response: {check.UnansweredClaims} (each answers 409 to every retry of its key for another {check.ClaimsExpireIn.TotalHours:F0} h)";

    private static string Describe(IEnumerable<Observation> observations) =>
        string.Join(", ", observations.GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? o.Error ?? "?").Select(g => $"{g.Count()} × {g.Key}").DefaultIfEmpty("none"));

    private static string Seconds(TimeSpan t) => t == TimeSpan.MaxValue ? "never" : t < TimeSpan.FromSeconds(0.05) ? "< 0.1 s" : $"{t.TotalSeconds:F1} s";
}
