using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Postgres;
using Npgsql;

namespace Journal.Reliability;

public static partial class Scenarios
{
    private const string OwnerEmail = "owner@example.com", OwnerPassword = "the owner's long passphrase";

    /// <summary>
    /// Scenario 7: the previous release (a git tag, built from a temporary worktree) writes notebooks into a database and
    /// stops; two nodes of this build start together on it (one applies the schema, the other waits), the first account
    /// takes the notebooks, and then every notebook reads as before, every audit is consistent, the old build's
    /// Idempotency-Key answers replay, and new commands work.
    /// </summary>
    public static async Task<ScenarioResult> UpgradeAsync(Settings settings, string dll, string scratch, string repository, string? from)
    {
        var tag = await Releases.PreviousAsync(repository, from);
        Progress($"upgrade: publishing the previous release, {tag}, from a temporary worktree");
        var oldDll = await Releases.PublishAsync(repository, tag, scratch);
        await using var cluster = await Cluster.StartAsync(Path.Combine(scratch, "upgrade"));
        using var client = Driver.NewClient();
        var story = new Story();
        Dictionary<Guid, JsonObject> before;
        long notebookEventsBefore;
        int oldRequests;
        await using (var old = new ServiceProcess(oldDll, cluster.ConnectionString, Path.Combine(scratch, "upgrade-old.log")))
        {
            old.Start();
            await old.WaitReadyAsync(client, TimeSpan.FromSeconds(90));
            var oldApi = new JsonApi(client, old.BaseAddress);
            Progress($"upgrade: {tag} is up; writing notebooks through its API (no accounts, no tokens)");
            await story.WriteAsync(oldApi, settings.Quick ? 4 : 8, "Upgrade");
            before = await story.SnapshotAsync(oldApi);
            notebookEventsBefore = await NotebookEventsAsync(cluster.ConnectionString, story.Notebooks);
            oldRequests = oldApi.Sent;
            await old.StopAsync();
        }

        Progress("upgrade: starting two nodes of this build together on the same database");
        await using var first = new ServiceProcess(dll, cluster.ConnectionString, Path.Combine(scratch, "upgrade-node-1.log"));
        await using var second = new ServiceProcess(dll, cluster.ConnectionString, Path.Combine(scratch, "upgrade-node-2.log"));
        var clock = Stopwatch.StartNew();
        first.Start();
        second.Start();
        await Task.WhenAll(first.WaitReadyAsync(client, TimeSpan.FromSeconds(120)), second.WaitReadyAsync(client, TimeSpan.FromSeconds(120)));
        var started = clock.Elapsed;
        var outputs = new[] { first.Output, second.Output };
        var applied = outputs.Count(o => o.Contains("Database schema brought up to this build's", StringComparison.Ordinal));
        var waited = outputs.Count(o => o.Contains("Another node is bringing the database schema up to date", StringComparison.Ordinal));
        Progress($"upgrade: both nodes ready after {Story.Seconds(started)}; {applied} applied the schema, {waited} waited for it");

        var api = new JsonApi(client, first.BaseAddress);
        var beforeAccount = await api.SendAsync(HttpMethod.Get, "/api/notebooks");
        await api.SignUpAsync(OwnerEmail, OwnerPassword); // the first account takes the notebooks written before accounts
        var after = await story.SnapshotAsync(api);
        var viaSecond = await story.SnapshotAsync(new JsonApi(client, second.BaseAddress) { Token = api.Token });
        var (differences, oneSide) = Story.Compare(before, after);
        var (nodeDifferences, _) = Story.Compare(after, viaSecond);
        var consistent = after.Values.Count(s => s["audit"]!["consistent"]!.GetValue<bool>());
        var notebookEventsAfter = await NotebookEventsAsync(cluster.ConnectionString, story.Notebooks);

        // The old build's answers to Idempotency-Keys are still this build's answers: same status, same body, nothing appended.
        var replayed = 0;
        var replayProblems = new List<string>();
        foreach (var keyed in story.Keyed)
        {
            var again = await api.SendAsync(HttpMethod.Post, keyed.Path, keyed.Body, keyed.Key);
            if (again.Status == keyed.Status && JsonNode.DeepEquals(JsonNode.Parse(again.Text), JsonNode.Parse(keyed.Text))) replayed++;
            else if (replayProblems.Count < 5) replayProblems.Add($"{keyed.Key}: {keyed.Status} {keyed.Text} then {again.Status} {again.Text}");
        }
        var appendedByReplays = await NotebookEventsAsync(cluster.ConnectionString, story.Notebooks) - notebookEventsAfter;

        // New commands: a day on every old notebook (half through each node), a new notebook, a share link.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var newCommands = 0;
        var secondApi = new JsonApi(client, second.BaseAddress) { Token = api.Token };
        for (var i = 0; i < story.Notebooks.Count; i++)
        {
            var reply = await (i % 2 == 0 ? api : secondApi).SendAsync(HttpMethod.Post, $"/api/notebooks/{story.Notebooks[i]}/days", new LogDay("After the upgrade", today, Minutes: 30));
            if (reply.Status == 201) newCommands++;
        }
        if ((await api.SendAsync(HttpMethod.Post, "/api/notebooks", new StartNotebook("Started after the upgrade", new Plan(3, 7)))).Status == 201) newCommands++;
        if ((await api.SendAsync(HttpMethod.Post, $"/api/notebooks/{story.Notebooks[0]}/share")).Status == 201) newCommands++;
        var expectedNew = story.Notebooks.Count + 2;
        var (lost, duplicated) = await story.CheckStoreAsync(cluster.ConnectionString);

        var serverErrors = api.ServerErrors + secondApi.ServerErrors;
        var notes = new List<string>
        {
            $"previous release {tag} (built from its tag), then this build; {story.Notebooks.Count} notebooks, {story.Logged.Count} days, {notebookEventsBefore} notebook events written by {tag}",
            $"two nodes started together on {tag}'s database: both ready after {Story.Seconds(started)}; {applied} applied the schema (re-keying the event store by account), {waited} waited for it and found it done",
            $"before any account: GET /api/notebooks answered {beforeAccount.Status}; the first account took the {tag} notebooks",
            $"readable: {after.Count} of {before.Count} notebooks and their day pages; audits consistent: {consistent} of {after.Count}; both nodes answer alike: {(nodeDifferences.Count == 0 ? "yes" : $"no, {nodeDifferences.Count} differences")}",
            $"answers compared field by field with {tag}'s: {differences.Count} differences" + (oneSide.Count > 0 ? $"; fields only one build has: {string.Join(", ", oneSide)}" : ""),
            $"notebook events: {notebookEventsBefore} before, {notebookEventsAfter} after the upgrade (nothing rewritten or added)",
            $"Idempotency-Key answers given by {tag} and replayed by this build: {replayed} of {story.Keyed.Count}; events appended by the replays: {appendedByReplays}",
            $"new commands after the upgrade: {newCommands} of {expectedNew} succeeded (a day on each notebook through either node, a new notebook, a share link)",
        };
        notes.AddRange(differences.Take(10).Select(d => $"difference: {d}"));
        notes.AddRange(replayProblems.Select(p => $"replay: {p}"));
        var passed = applied == 1 && waited + applied == 2 && beforeAccount.Status == 401 && after.Count == before.Count && consistent == after.Count
            && differences.Count == 0 && nodeDifferences.Count == 0 && notebookEventsAfter == notebookEventsBefore && replayed == story.Keyed.Count
            && appendedByReplays == 0 && newCommands == expectedNew && lost == 0 && duplicated == 0 && serverErrors == 0;
        return new ScenarioResult($"upgrade from {tag}", oldRequests + api.Sent + secondApi.Sent, story.Acknowledged + newCommands, lost, duplicated,
            serverErrors.ToString(CultureInfo.InvariantCulture), $"{Story.Seconds(started)} (two nodes' first start on {tag}'s data)", passed, notes);
    }

    /// <summary>
    /// Scenario 8: the embedded cluster made by an older PostgreSQL major version, its notebooks written by this build; the
    /// next start finds the newest binaries and upgrades the folder with pg_upgrade; every notebook reads the same.
    /// </summary>
    public static async Task<ScenarioResult> MajorVersionAsync(Settings settings, string dll, string scratch, string? oldBinGiven)
    {
        var newBin = PostgresBinaries.Resolve(PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage));
        var newMajor = PostgresBinaries.MajorVersion(newBin)!.Value;
        var oldBin = oldBinGiven ?? (Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(PostgresBinaries.HasServerBinaries)
                .OrderBy(PostgresBinaries.MajorVersion).FirstOrDefault(b => PostgresBinaries.MajorVersion(b) < newMajor)
            : null);
        if (oldBin is null)
        {
            return new ScenarioResult("PostgreSQL major version upgrade", 0, 0, 0, 0, "-", "-", false,
                [$"not run: only PostgreSQL {newMajor} is installed; install an older major version beside it (Debian: apt-get install postgresql-13) or pass --old-bin DIR"]);
        }
        var oldMajor = PostgresBinaries.MajorVersion(oldBin)!.Value;
        var data = Path.Combine(scratch, "major", "pg");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.GetDirectoryName(data)!, (UnixFileMode)0b111_101_101);
        using var client = Driver.NewClient();
        var story = new Story();
        Dictionary<Guid, JsonObject> before;
        long eventsBefore;
        string token;
        var requests = 0;
        Progress($"major-version: this build on an embedded cluster made by PostgreSQL {oldMajor} ({oldBin})");
        await using (var old = new ServiceProcess(dll, Embedded(data, oldBin), Path.Combine(scratch, "major-old.log")))
        {
            old.Start();
            await old.WaitReadyAsync(client, TimeSpan.FromSeconds(90));
            var oldApi = new JsonApi(client, old.BaseAddress);
            await oldApi.SignUpAsync(OwnerEmail, OwnerPassword);
            await story.WriteAsync(oldApi, settings.Quick ? 4 : 8, "Major");
            before = await story.SnapshotAsync(oldApi);
            eventsBefore = await Story.EventsAsync(EmbeddedConnection(data));
            token = oldApi.Token!;
            requests += oldApi.Sent;
            await old.StopAsync();
        }
        var madeBy = await File.ReadAllTextAsync(Path.Combine(data, "PG_VERSION"));

        Progress($"major-version: starting with PostgreSQL {newMajor}'s binaries ({newBin}) on that folder");
        await using var service = new ServiceProcess(dll, Embedded(data, null), Path.Combine(scratch, "major-new.log"));
        var clock = Stopwatch.StartNew();
        service.Start();
        await service.WaitReadyAsync(client, TimeSpan.FromSeconds(300));
        var upgradeTime = clock.Elapsed;
        var nowMadeBy = await File.ReadAllTextAsync(Path.Combine(data, "PG_VERSION"));
        var leftovers = Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(data)!).Where(e => e != data).Select(Path.GetFileName).ToList();
        var api = new JsonApi(client, service.BaseAddress) { Token = token };
        var after = await story.SnapshotAsync(api);
        var (differences, oneSide) = Story.Compare(before, after);
        var consistent = after.Values.Count(s => s["audit"]!["consistent"]!.GetValue<bool>());
        var connection = EmbeddedConnection(data);
        var eventsAfter = await Story.EventsAsync(connection);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var newCommands = 0;
        foreach (var id in story.Notebooks)
            if ((await api.SendAsync(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("After the upgrade", today, Minutes: 30))).Status == 201) newCommands++;
        var (lost, duplicated) = await story.CheckStoreAsync(connection);
        string serverVersion;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            serverVersion = db.PostgreSqlVersion.ToString();
        }
        requests += api.Sent;

        var notes = new List<string>
        {
            $"PostgreSQL {oldMajor} ({oldBin}) made the cluster; {story.Notebooks.Count} notebooks, {story.Logged.Count} days, {eventsBefore} events written on it by this build",
            $"then started with {newBin}: PG_VERSION {madeBy.Trim()} became {nowMadeBy.Trim()}, the server reports {serverVersion}; first start including pg_upgrade {Story.Seconds(upgradeTime)}",
            $"left beside the data folder after the upgrade: {(leftovers.Count == 0 ? "nothing (the old folder was removed once the upgraded cluster ran)" : string.Join(", ", leftovers))}",
            $"readable with the token made before: {after.Count} of {before.Count} notebooks; audits consistent: {consistent} of {after.Count}; answers compared field by field: {differences.Count} differences"
                + (oneSide.Count > 0 ? $" ({string.Join(", ", oneSide)})" : ""),
            $"events: {eventsBefore} before, {eventsAfter} after; new commands: {newCommands} of {story.Notebooks.Count}",
            "the refusal without the old binaries (nothing touched, the message says what to install or how to dump and restore) is tested in `dotnet test` (tests/Journal.EmbeddedPostgres.Tests) with a data folder whose PG_VERSION names a version that is not installed",
        };
        notes.AddRange(differences.Take(10).Select(d => $"difference: {d}"));
        var passed = nowMadeBy.Trim() == newMajor.ToString(CultureInfo.InvariantCulture) && leftovers.Count == 0 && after.Count == before.Count
            && consistent == after.Count && differences.Count == 0 && eventsAfter == eventsBefore && newCommands == story.Notebooks.Count
            && lost == 0 && duplicated == 0 && api.ServerErrors == 0;
        return new ScenarioResult($"PostgreSQL {oldMajor} → {newMajor} (pg_upgrade)", requests, story.Acknowledged + newCommands, lost, duplicated,
            api.ServerErrors.ToString(CultureInfo.InvariantCulture), $"{Story.Seconds(upgradeTime)} (first start, pg_upgrade included)", passed, notes);
    }

    /// <summary>
    /// Scenario 9: a backup taken while the service runs, the disk lost, a restore into a new data folder: identical
    /// answers, audits and event counts; a second restore over the data is refused without --force.
    /// </summary>
    public static async Task<ScenarioResult> BackupRestoreAsync(Settings settings, string dll, string scratch)
    {
        var first = Path.Combine(scratch, "backup", "first", "pg");
        var second = Path.Combine(scratch, "backup", "second", "pg");
        foreach (var folder in new[] { first, second }.Select(Path.GetDirectoryName))
        {
            Directory.CreateDirectory(folder!);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder!, (UnixFileMode)0b111_101_101);
        }
        var file = Path.Combine(scratch, "backup", "journal.backup");
        using var client = Driver.NewClient();
        var story = new Story();
        Dictionary<Guid, JsonObject> before;
        long eventsAtBackup;
        string token;
        (int ExitCode, string Output) backup;
        var requests = 0;
        var stillServing = false;
        Progress("backup-restore: the service on an embedded cluster; writing notebooks");
        await using (var service = new ServiceProcess(dll, Embedded(first, null), Path.Combine(scratch, "backup-first.log")))
        {
            service.Start();
            await service.WaitReadyAsync(client, TimeSpan.FromSeconds(90));
            var api = new JsonApi(client, service.BaseAddress);
            await api.SignUpAsync(OwnerEmail, OwnerPassword);
            await story.WriteAsync(api, settings.Quick ? 4 : 8, "Backup");
            before = await story.SnapshotAsync(api);
            eventsAtBackup = await Story.EventsAsync(EmbeddedConnection(first));
            token = api.Token!;
            Progress("backup-restore: backup while the service runs");
            backup = await service.RunCommandAsync("backup", file);
            // The backup command used the running cluster and must have left it running.
            stillServing = (await api.SendAsync(HttpMethod.Post, $"/api/notebooks/{story.Notebooks[0]}/days",
                new LogDay("After the backup: lost with the disk", DateOnly.FromDateTime(DateTime.UtcNow), Minutes: 10))).Status == 201;
            requests += api.Sent;
            await service.StopAsync();
        }
        Directory.Delete(Path.GetDirectoryName(first)!, recursive: true); // the disk is lost

        Progress("backup-restore: restoring into a new data folder");
        await using var restored = new ServiceProcess(dll, Embedded(second, null), Path.Combine(scratch, "backup-second.log"));
        var clock = Stopwatch.StartNew();
        var restore = await restored.RunCommandAsync("restore", file);
        var restoreTime = clock.Elapsed;
        var again = await restored.RunCommandAsync("restore", file);
        restored.Start();
        await restored.WaitReadyAsync(client, TimeSpan.FromSeconds(90));
        var after = new JsonApi(client, restored.BaseAddress) { Token = token };
        var snapshot = await story.SnapshotAsync(after);
        var (differences, _) = Story.Compare(before, snapshot);
        var consistent = snapshot.Values.Count(s => s["audit"]!["consistent"]!.GetValue<bool>());
        var connection = EmbeddedConnection(second);
        var eventsRestored = await Story.EventsAsync(connection);
        var (lost, duplicated) = await story.CheckStoreAsync(connection);
        var newCommand = (await after.SendAsync(HttpMethod.Post, $"/api/notebooks/{story.Notebooks[1]}/days",
            new LogDay("After the restore", DateOnly.FromDateTime(DateTime.UtcNow), Minutes: 10))).Status == 201;
        requests += after.Sent;

        var notes = new List<string>
        {
            $"{story.Notebooks.Count} notebooks, {story.Logged.Count} days, {eventsAtBackup} events; `backup` while the service ran: exit {backup.ExitCode}, {Last(backup.Output)}",
            $"the service kept running through the backup (a write right after it: {(stillServing ? "201" : "failed")}); that write came after the backup and went with the lost disk",
            $"data folder deleted; `restore` into a new one: exit {restore.ExitCode} in {Story.Seconds(restoreTime)}, {Last(restore.Output)}",
            $"`restore` again over the restored data without --force: exit {again.ExitCode}, {Last(again.Output)}",
            $"after the restore, with the token made before: {snapshot.Count} of {before.Count} notebooks readable, audits consistent {consistent} of {snapshot.Count}, answers compared field by field: {differences.Count} differences; events {eventsAtBackup} at the backup, {eventsRestored} restored; a new command: {(newCommand ? "201" : "failed")}",
        };
        notes.AddRange(differences.Take(10).Select(d => $"difference: {d}"));
        var passed = backup.ExitCode == 0 && stillServing && restore.ExitCode == 0 && again.ExitCode == 1 && again.Output.Contains("--force", StringComparison.Ordinal)
            && snapshot.Count == before.Count && consistent == snapshot.Count && differences.Count == 0 && eventsRestored == eventsAtBackup
            && lost == 0 && duplicated == 0 && newCommand && after.ServerErrors == 0;
        return new ScenarioResult("backup, lost disk, restore", requests, story.Acknowledged, lost, duplicated,
            after.ServerErrors.ToString(CultureInfo.InvariantCulture), $"{Story.Seconds(restoreTime)} (restore into an empty folder)", passed, notes);
    }

    private static string Last(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith("Backed up", StringComparison.Ordinal) || l.StartsWith("Restored", StringComparison.Ordinal)
                || l.StartsWith("Refusing", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal)) is { } line ? $"\"{line}\"" : "(no summary line)";

    /// <summary>The service's environment for an embedded cluster in <paramref name="data"/>, with the given binaries or the default ones.</summary>
    private static Dictionary<string, string?> Embedded(string data, string? bin) => new()
    {
        ["ConnectionStrings__Journal"] = null,
        ["Journal__Database__DataDirectory"] = data,
        ["Journal__Database__BinDirectory"] = bin,
    };

    /// <summary>A connection to a running embedded cluster: its port from postmaster.pid, its password from the data folder.</summary>
    private static string EmbeddedConnection(string data) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture),
        Username = "postgres",
        Password = File.ReadAllText(Path.Combine(data, "journal.password")).Trim(),
        Database = "journal",
        Pooling = false,
    }.ConnectionString;

    private static async Task<long> NotebookEventsAsync(string connectionString, IReadOnlyList<Guid> notebooks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Persistence.Schema}.mt_events WHERE stream_id = ANY($1)", connection)
        {
            Parameters = { new() { Value = notebooks.ToArray() } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
