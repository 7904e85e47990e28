using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Journal.Reliability;

public static partial class Scenarios
{
    /// <summary>
    /// Scenario 10: the database's disk fills up under load (a small tmpfs holding the cluster, filled to the last byte,
    /// then emptied again). While it is full every write answers a prompt 503 with Retry-After and reads go on answering
    /// 200; once space returns writes succeed by themselves; nothing acknowledged is lost.
    /// </summary>
    public static async Task<ScenarioResult> DiskFullAsync(Settings settings, string dll, string scratch)
    {
        var mount = Path.Combine(scratch, "disk-full");
        Directory.CreateDirectory(mount);
        var (mounted, why) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=256m,mode=755", "tmpfs", mount);
        if (!mounted)
        {
            return new ScenarioResult("disk full", 0, 0, 0, 0, "-", "-", false,
                [$"not run: a small filesystem for the cluster could not be mounted here (mount -t tmpfs: {why.Trim()}); the read-only database scenario covers the same answers"]);
        }
        try
        {
            var filler = Path.Combine(mount, "filler");
            return await UnwritableAsync(settings, dll, scratch, mount, "disk full (256 MB tmpfs filled)", "disk-full",
                makeUnwritable: _ => Task.FromResult(Fill(filler)),
                makeWritable: _ =>
                {
                    File.Delete(filler);
                    return Task.CompletedTask;
                });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync("umount", "--lazy", mount);
        }
    }

    /// <summary>
    /// Scenario 11: the database turned read-only under load (<c>ALTER SYSTEM SET default_transaction_read_only</c> and a
    /// reload, as an operator protecting a filling disk would, or as a standby answers): the same answers as a full disk.
    /// </summary>
    public static Task<ScenarioResult> ReadOnlyAsync(Settings settings, string dll, string scratch) =>
        UnwritableAsync(settings, dll, scratch, Path.Combine(scratch, "read-only"), "read-only database (default_transaction_read_only)", "read-only",
            makeUnwritable: async cluster =>
            {
                await ReadOnlyAsync(cluster.ConnectionString, true);
                return "ALTER SYSTEM SET default_transaction_read_only = on; SELECT pg_reload_conf()";
            },
            makeWritable: cluster => ReadOnlyAsync(cluster.ConnectionString, false));

    private static async Task<ScenarioResult> UnwritableAsync(Settings settings, string dll, string scratch, string folder, string name, string tag,
        Func<Cluster, Task<string>> makeUnwritable, Func<Cluster, Task> makeWritable)
    {
        Progress($"{tag}: starting PostgreSQL and the service");
        await using var cluster = await Cluster.StartAsync(folder);
        await using var service = new ServiceProcess(dll, cluster.ConnectionString, Path.Combine(scratch, $"{tag}-service.log"));
        using var client = Driver.NewClient();
        var driver = new Driver(client, service.BaseAddress) { CommandBudget = settings.Down + TimeSpan.FromSeconds(30) };
        service.Start();
        await service.WaitReadyAsync(client, TimeSpan.FromSeconds(60));
        await driver.SignUpAsync();
        var (notebooks, commands) = await PrepareAsync(driver, settings.Notebooks * 2, 360, tag);

        using var stop = new CancellationTokenSource(settings.LoadBudget);
        var load = RunLoadAsync(driver, commands, settings.Workers, stop.Token);
        var reads = new ConcurrentQueue<(DateTimeOffset At, int? Status)>();
        var reading = ReadAsync(driver, notebooks, reads, stop.Token);
        await Task.Delay(settings.Steady);

        var how = await makeUnwritable(cluster);
        var downAt = DateTimeOffset.UtcNow;
        Progress($"{tag}: the database can no longer write ({how}) at {driver.Ledger.Count} acknowledged; for {settings.Down.TotalSeconds:F0} s");
        await Task.Delay(settings.Down);
        var upAt = DateTimeOffset.UtcNow;
        await makeWritable(cluster);
        var fromBack = await FirstSuccessAfterAsync(driver, upAt, TimeSpan.FromSeconds(30));
        Progress(fromBack is { } r ? $"{tag}: the database writes again; first 2xx write {r.TotalSeconds:F1} s later" : $"{tag}: no 2xx write within 30 s of the database writing again");
        await Task.Delay(settings.After);
        await stop.CancelAsync();
        await load;
        await reading;
        Progress($"{tag}: load stopped, {driver.Ledger.Count} acknowledged; checking the store and every audit");

        var check = await StoreCheck.RunAsync(cluster.ConnectionString, driver, notebooks);
        var observations = driver.Observations.ToList();
        // Writes sent after the database stopped writing and answered before it wrote again; those already running are judged with the rest.
        var settle = TimeSpan.FromSeconds(1);
        var whileDown = observations.Where(o => o.At >= downAt + settle && o.At + o.Latency <= upAt).ToList();
        var prompt503 = whileDown.Count(o => o is { Status: 503, RetryAfter: true, ProblemType: "/problems/service-unavailable" });
        var slowest = whileDown.Select(o => o.Latency).DefaultIfEmpty().Max();
        var readsDown = reads.Where(x => x.At >= downAt + settle && x.At < upAt).ToList();
        var serverErrors = observations.Count(o => o.Status is >= 500 and not 503);
        var notes = new List<string>
        {
            Summary(driver, commands.Count),
            $"writes while the database could not write ({settings.Down.TotalSeconds:F0} s, from 1 s after): {whileDown.Count}, {prompt503} answered 503 service-unavailable with Retry-After, " +
                $"{whileDown.Count - prompt503} otherwise ({Describe(whileDown.Where(o => o is not { Status: 503, RetryAfter: true }))}); slowest answer {slowest.TotalMilliseconds:F0} ms",
            $"reads meanwhile (GET /api/notebooks/{{id}}): {readsDown.Count(x => x.Status == 200)} of {readsDown.Count} answered 200 ({string.Join(", ", readsDown.GroupBy(x => x.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer").Select(g => $"{g.Count()} × {g.Key}"))})",
            $"the reasons the service logged for its 503s: {Reasons(service.Output)}",
            $"once the database could write again: the first 2xx write {Seconds(fromBack ?? TimeSpan.MaxValue)} later, without a restart",
            $"in doubt (no 2xx before giving up or the end of the load): {check.InDoubt}, of which {check.InDoubtCommitted} are in the store; none were acknowledged, so none is lost",
            $"audits: {check.Notebooks - check.AuditsInconsistent} of {check.Notebooks} consistent; acknowledged at another version than stored: {check.WrongVersion}",
        };
        notes.AddRange(check.Problems);
        notes.AddRange(driver.Surprises.Take(10).Select(s => $"unexpected: {s}"));
        var passed = check is { Lost: 0, Duplicated: 0, WrongVersion: 0, AuditsInconsistent: 0 } && serverErrors == 0
            && whileDown.Count > 0 && prompt503 == whileDown.Count && readsDown.Count > 0 && readsDown.All(x => x.Status == 200)
            && fromBack < Settings.RecoveryLimit && driver.Outcomes.Values.All(o => o != Outcome.Rejected);
        return new ScenarioResult(name, observations.Count + reads.Count, driver.Ledger.Count, check.Lost, check.Duplicated,
            $"{serverErrors} (+{observations.Count(o => o.Status == 503)} × 503 with Retry-After)", $"{Seconds(fromBack ?? TimeSpan.MaxValue)} after it could write again", passed, notes);
    }

    /// <summary>The service's own account of its 503s ("Database unavailable, answered 503: …"), counted by reason.</summary>
    private static string Reasons(string output)
    {
        const string marker = "answered 503: ";
        var reasons = output.Split('\n').Select(l => l.IndexOf(marker, StringComparison.Ordinal) is var i and >= 0 ? l[(i + marker.Length)..].Trim() : null)
            .OfType<string>().Select(r => System.Text.RegularExpressions.Regex.Replace(r, "\"[^\"]*\"", "\"…\"")).GroupBy(r => r).OrderByDescending(g => g.Count());
        return string.Join("; ", reasons.Select(g => $"{g.Count()} × \"{g.Key}\"").DefaultIfEmpty("none logged"));
    }

    /// <summary>Reads progress in a loop while the load writes, recording each answer.</summary>
    private static async Task ReadAsync(Driver driver, IReadOnlyList<Guid> notebooks, ConcurrentQueue<(DateTimeOffset, int?)> reads, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var at = DateTimeOffset.UtcNow;
            try
            {
                var (status, _) = await driver.GetAsync($"/api/notebooks/{notebooks[i % notebooks.Count]}");
                reads.Enqueue((at, status));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                reads.Enqueue((at, null));
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Fills the filesystem to its last byte: big blocks, then small ones, until it says no space is left.</summary>
    private static string Fill(string file)
    {
        long written = 0;
        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
        {
            foreach (var size in new[] { 1 << 20, 1 << 12, 1 })
            {
                var block = new byte[size];
                Array.Fill(block, (byte)0x5A); // not zeros: nothing may be stored sparsely
                try
                {
                    while (true)
                    {
                        stream.Write(block);
                        stream.Flush();
                        written += size;
                    }
                }
                catch (IOException)
                {
                    // no space left for a block of this size
                }
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"a file of {written / (1 << 20)} MB filling the cluster's filesystem to its last byte");
    }

    private static async Task ReadOnlyAsync(string connectionString, bool on)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            "SET default_transaction_read_only = off",
            on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only",
            "SELECT pg_reload_conf()",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(bool Ok, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode == 0, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
