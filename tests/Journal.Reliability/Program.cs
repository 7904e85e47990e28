using Journal.Reliability;

// dotnet run --project tests/Journal.Reliability -- SCENARIO… [--quick] [--from TAG] [--old-bin DIR]
string[] load = ["crash", "outage", "disk-full", "read-only", "cluster"], upgrades = ["upgrade", "major-version", "backup-restore"];
var verbs = args.TakeWhile(a => !a.StartsWith('-')).SelectMany(v => v switch { "all" => load, "upgrades" => upgrades, _ => [v] }).Distinct().ToList();
if (verbs.Count == 0 || verbs.Any(v => !load.Contains(v) && !upgrades.Contains(v)))
{
    Console.Error.WriteLine("usage: dotnet run --project tests/Journal.Reliability -- crash|outage|disk-full|read-only|cluster|all|upgrade|major-version|backup-restore|upgrades [--quick] [--from TAG] [--old-bin DIR]");
    Console.Error.WriteLine("  all = crash, outage, disk-full, read-only and cluster (under load); upgrades = upgrade, major-version and backup-restore (run before tagging a release)");
    return 2;
}
var settings = new Settings(Quick: args.Contains("--quick"));
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var command = $"dotnet run --project tests/Journal.Reliability -- {string.Join(' ', args)}";
var repository = FindRepository();
var scratch = Directory.CreateTempSubdirectory("journal-reliability-").FullName;
// The postgres OS user (the cluster's owner when we run as root) must be able to enter it.
if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(scratch, (UnixFileMode)0b111_101_101);

Scenarios.Progress($"publishing src/Journal.Service (Release) into {scratch}");
var dll = await ServiceProcess.PublishAsync(repository, Path.Combine(scratch, "service"));
string postgres;
await using (var probe = await Cluster.StartAsync(Path.Combine(scratch, "probe"))) postgres = await probe.VersionAsync();

var results = new List<ScenarioResult>();
foreach (var verb in verbs)
{
    results.Add(await Run(verb, verb switch
    {
        "crash" => () => Scenarios.CrashAsync(settings, dll, scratch),
        "outage" => () => Scenarios.OutageAsync(settings, dll, scratch),
        "disk-full" => () => Scenarios.DiskFullAsync(settings, dll, scratch),
        "read-only" => () => Scenarios.ReadOnlyAsync(settings, dll, scratch),
        "cluster" => () => Scenarios.ClusterAsync(settings, dll, scratch, repository),
        "upgrade" => () => Scenarios.UpgradeAsync(settings, dll, scratch, repository, Option("--from")),
        "major-version" => () => Scenarios.MajorVersionAsync(settings, dll, scratch, Option("--old-bin")),
        _ => () => Scenarios.BackupRestoreAsync(settings, dll, scratch),
    }));
}

var report = Path.Combine(repository, "docs", "reliability.md");
Report.Write(report, command, Report.Machine(postgres), results);
Console.WriteLine();
Console.Write(Report.Table(results));
foreach (var result in results)
{
    Console.WriteLine($"\n{result.Scenario}:");
    foreach (var note in result.Notes) Console.WriteLine($"  - {note}");
}
var passed = results.All(r => r.Passed);
Console.WriteLine($"\n{(passed ? "PASS" : "FAIL")}: written to {Path.GetRelativePath(Environment.CurrentDirectory, report)}; service logs in {scratch}");
// JOURNAL_RELIABILITY_KEEP=1 keeps the logs of a passing run too (an option would change the command line the report is keyed by).
if (passed && Environment.GetEnvironmentVariable("JOURNAL_RELIABILITY_KEEP") != "1") Directory.Delete(scratch, recursive: true);
return passed ? 0 : 1;

static async Task<ScenarioResult> Run(string name, Func<Task<ScenarioResult>> scenario)
{
    try
    {
        return await scenario();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        Scenarios.Progress($"{name}: aborted: {e}");
        return new ScenarioResult(name, 0, 0, 0, 0, "-", "-", false, [$"aborted: {e.GetType().Name}: {e.Message}"]);
    }
}

static string FindRepository()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Journal.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the Journal repository (no Journal.sln found above here).");
}
