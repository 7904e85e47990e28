using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Journal.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: initialised on first use,
/// listening on 127.0.0.1 only, password-protected, and stopped when disposed. Run as root, the
/// cluster runs as the <c>postgres</c> OS user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private const string PasswordFileName = "journal.password";
    private readonly string _bin;
    private readonly string? _runAs;
    private readonly ILogger _logger;
    private int _stopped;

    private EmbeddedPostgres(string bin, string dataDirectory, string? runAs, ILogger logger)
    {
        _bin = bin;
        DataDirectory = dataDirectory;
        _runAs = runAs;
        _logger = logger;
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }
    public string ConnectionString { get; private set; } = "";

    /// <summary>The cluster was already running (another Journal process's, or one left by a crash) and was taken over.</summary>
    public bool Adopted { get; private set; }

    /// <summary>Disposing will not stop the cluster: a command run beside a running service must not stop its database.</summary>
    public void LeaveRunning() => Interlocked.Exchange(ref _stopped, 1);

    /// <summary>The default data folder: per user under the XDG data home; /var/lib for root, whose home the postgres user cannot enter.</summary>
    public static string DefaultDataDirectory() =>
        Environment.IsPrivilegedProcess && OperatingSystem.IsLinux()
            ? "/var/lib/journal/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "journal", "postgres");

    public static async Task<EmbeddedPostgres> StartAsync(
        string dataDirectory, int? port, string? binDirectory, string database, ILogger logger, CancellationToken ct = default)
    {
        var bin = binDirectory ?? PostgresBinaries.Find() ?? throw new DatabaseUnavailableException(PostgresBinaries.NotFoundMessage);
        if (!PostgresBinaries.HasServerBinaries(bin))
            throw new DatabaseUnavailableException($"No initdb and pg_ctl in {bin}. {PostgresBinaries.NotFoundMessage}");

        var runAs = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? Superuser : null;
        var cluster = new EmbeddedPostgres(PostgresBinaries.Resolve(bin), Path.GetFullPath(dataDirectory), runAs, logger);
        await cluster.InitialiseIfNeededAsync(ct);
        var replaced = await cluster.UpgradeIfNeededAsync(ct);
        await cluster.StartOrAdoptAsync(port, ct);
        await cluster.EnsureDatabaseAsync(database, ct);
        if (replaced is not null) await cluster.FinishUpgradeAsync(replaced, ct);
        return cluster;
    }

    private string PasswordFile => Path.Combine(DataDirectory, PasswordFileName);
    private string LogFile => Path.Combine(DataDirectory, "postgres.log");

    private async Task InitialiseIfNeededAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))) return;
        // An upgrade moves the old folder aside just before it moves the upgraded one in: never start afresh between the two.
        var parent = Path.GetDirectoryName(DataDirectory)!;
        if (Directory.Exists(parent) && Directory.EnumerateDirectories(parent, $".{Path.GetFileName(DataDirectory)}.pg*-replaced-*").FirstOrDefault() is { } interrupted)
            throw new DatabaseUnavailableException($"An upgrade of {DataDirectory} was interrupted: its data from before the upgrade is in {interrupted}. Move that folder back to {DataDirectory} and start again.");
        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            throw new DatabaseUnavailableException($"{DataDirectory} exists but is not a PostgreSQL data folder; remove it or choose another with Journal:Database:DataDirectory.");

        _logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", DataDirectory);
        Directory.CreateDirectory(parent);
        // initdb into a sibling folder, then rename: a crash mid-way never leaves a half-made cluster behind.
        var staging = Path.Combine(parent, $".{Path.GetFileName(DataDirectory)}.initdb-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(staging, PasswordFileName + ".initdb");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        await HandToRunAsUserAsync(staging, ct);
        try
        {
            var pgdata = Path.Combine(staging, "data");
            await RunAsync("initdb", ["-D", pgdata, "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                "-E", "UTF8", "--no-locale"], ct);
            await File.WriteAllTextAsync(Path.Combine(pgdata, PasswordFileName), password, ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(pgdata, PasswordFileName), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory); // empty, checked above
            Directory.Move(pgdata, DataDirectory);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// A data folder opens only with binaries of the major version that made it. An older one is upgraded with pg_upgrade
    /// from that version's binaries, into a sibling folder that replaces it only once pg_upgrade succeeded; without them,
    /// or for a newer folder, nothing is touched and the message says what to install or how to dump and restore.
    /// </summary>
    /// <returns>The old folder, moved aside, to delete once the upgraded cluster runs; null when nothing was upgraded.</returns>
    private async Task<string?> UpgradeIfNeededAsync(CancellationToken ct)
    {
        if (PostgresBinaries.DataMajorVersion(DataDirectory) is not { } dataMajor || PostgresBinaries.MajorVersion(_bin) is not { } binMajor) return null;
        var oldBin = dataMajor < binMajor ? PostgresBinaries.FindMajor(dataMajor) : null;
        var step = MajorUpgrade.Decide(dataMajor, binMajor, oldBin is not null);
        if (step == MajorUpgradeStep.None) return null;
        if (step != MajorUpgradeStep.Upgrade) throw new DatabaseUnavailableException(MajorUpgrade.Refusal(step, DataDirectory, dataMajor, _bin, binMajor));

        _logger.LogWarning("The data folder {DataDirectory} was made by PostgreSQL {Old}; upgrading it to PostgreSQL {New} with pg_upgrade from {OldBin} (the old folder is kept until this succeeds)",
            DataDirectory, dataMajor, binMajor, oldBin);
        await StopCleanlyAsync(oldBin!, ct);
        var parent = Path.GetDirectoryName(DataDirectory)!;
        var name = Path.GetFileName(DataDirectory);
        var work = Path.Combine(parent, $".{name}.upgrade-{Environment.ProcessId}");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        var passwordFile = Path.Combine(work, PasswordFileName + ".initdb");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        await HandToRunAsUserAsync(work, ct);
        var upgraded = Path.Combine(work, "data");
        await RunAsync("initdb", ["-D", upgraded, "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
            "-E", "UTF8", "--no-locale"], ct);
        try
        {
            // Copy mode: the old folder is only read. pg_upgrade signs in to both servers over a socket in its working folder.
            await RunInAsync(_bin, "pg_upgrade", ["-b", oldBin!, "-B", _bin, "-d", DataDirectory, "-D", upgraded, "-U", Superuser,
                "-p", FreePort().ToString(CultureInfo.InvariantCulture), "-P", FreePort().ToString(CultureInfo.InvariantCulture), "-s", work],
                ct, work, new Dictionary<string, string> { ["PGPASSWORD"] = password });
        }
        catch (DatabaseUnavailableException e)
        {
            throw new DatabaseUnavailableException(
                $"Upgrading {DataDirectory} from PostgreSQL {dataMajor} to {binMajor} failed; the data folder is unchanged, and pg_upgrade's logs are in {work}. {e.Message}", e);
        }
        await File.WriteAllTextAsync(Path.Combine(upgraded, PasswordFileName), password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(upgraded, PasswordFileName), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await HandToRunAsUserAsync(upgraded, ct);
        var replaced = Path.Combine(parent, $".{name}.pg{dataMajor}-replaced-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.Move(DataDirectory, replaced);
        Directory.Move(upgraded, DataDirectory);
        Directory.Delete(work, recursive: true);
        return replaced;
    }

    /// <summary>pg_upgrade needs the old cluster shut down cleanly: stop it if it runs, and let it recover first if it crashed.</summary>
    private async Task StopCleanlyAsync(string oldBin, CancellationToken ct)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        if (!(lines.Length > 0 && int.TryParse(lines[0], out var pid) && IsPostgres(pid)))
        {
            File.Delete(pidFile);
            await RunInAsync(oldBin, "pg_ctl", ["start", "-D", DataDirectory, "-w", "-t", "300", "-s", "-l", LogFile,
                "-o", $"-p {FreePort()} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"], ct);
        }
        await RunInAsync(oldBin, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "300", "-s"], ct);
    }

    /// <summary>pg_upgrade carries no planner statistics: gather them, then drop the old folder now that the new one runs.</summary>
    private async Task FinishUpgradeAsync(string replaced, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        try
        {
            await RunRawAsync(Path.Combine(_bin, "vacuumdb"), ["--all", "--analyze-only", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser],
                ct, "/", new Dictionary<string, string> { ["PGPASSWORD"] = builder.Password! });
        }
        catch (DatabaseUnavailableException e)
        {
            // The upgrade itself succeeded: queries are only slower until autovacuum has analyzed the tables.
            _logger.LogWarning("Could not gather planner statistics after the upgrade: {Reason}", e.Message);
        }
        Directory.Delete(replaced, recursive: true);
        _logger.LogWarning("Upgraded the data folder {DataDirectory}; PostgreSQL runs it with the binaries in {Bin}", DataDirectory, _bin);
    }

    private async Task StartOrAdoptAsync(int? port, CancellationToken ct)
    {
        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            var lines = await File.ReadAllLinesAsync(pidFile, ct);
            if (lines.Length > 3 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var livePort) && IsPostgres(pid))
            {
                // Left running by a Journal process that died without stopping it: take it over.
                UseConnection(livePort, password);
                if (await CanConnectAsync(ct))
                {
                    _logger.LogWarning("Adopted PostgreSQL (pid {Pid}) left running on port {Port} in {DataDirectory}", pid, livePort, DataDirectory);
                    Adopted = true;
                    return;
                }
            }
            else
            {
                _logger.LogWarning("Removing stale {PidFile} left by a crash", pidFile);
                File.Delete(pidFile);
            }
        }

        // A free port can be taken by another process before PostgreSQL binds it: try another one.
        for (var attempt = 1; ; attempt++)
        {
            var chosenPort = port ?? FreePort();
            UseConnection(chosenPort, password);
            var logFrom = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0; // the log grows across starts: read this attempt's lines only
            try
            {
                await RunAsync("pg_ctl", ["start", "-D", DataDirectory, "-w", "-t", "60", "-s", "-l", LogFile,
                    "-o", $"-p {chosenPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200"], ct);
                _logger.LogInformation("Started PostgreSQL on 127.0.0.1:{Port} with data in {DataDirectory}", chosenPort, DataDirectory);
                return;
            }
            catch (DatabaseUnavailableException) when (port is null && attempt < 3 && PortTaken(logFrom))
            {
                _logger.LogWarning("Port {Port} was taken before PostgreSQL could bind it; trying another", chosenPort);
            }
        }
    }

    /// <summary>Whether the log written since <paramref name="from"/> (this attempt's lines) says the port could not be bound.</summary>
    internal bool PortTaken(long from) => LogSince(LogFile, from).Contains("could not bind", StringComparison.Ordinal);

    internal static string LogSince(string logFile, long from)
    {
        if (!File.Exists(logFile)) return "";
        using var log = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (from >= log.Length) return "";
        log.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        return reader.ReadToEnd();
    }

    private void UseConnection(int port, string password)
    {
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = password, Database = "postgres",
        }.ConnectionString;
    }

    private async Task<bool> CanConnectAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], CancellationToken.None);
            _logger.LogInformation("Stopped PostgreSQL in {DataDirectory}", DataDirectory);
        }
        catch (DatabaseUnavailableException e)
        {
            _logger.LogWarning("Could not stop PostgreSQL cleanly: {Reason}", e.Message);
        }
    }

    /// <summary>Stops the cluster even when it was adopted or left running: the <c>database stop</c> verb.</summary>
    public Task StopSharedAsync()
    {
        Interlocked.Exchange(ref _stopped, 0);
        return StopAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            var cmdline = $"/proc/{pid}/cmdline";
            return !File.Exists(cmdline) || File.ReadAllText(cmdline).Contains("postgres", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    private async Task HandToRunAsUserAsync(string folder, CancellationToken ct)
    {
        if (_runAs is null) return;
        await RunRawAsync("chown", ["-R", _runAs, folder], ct);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct) => RunInAsync(_bin, tool, args, ct);

    /// <summary>Runs a tool of a bin folder as the cluster's user (runuser keeps the environment, PGPASSWORD included).</summary>
    private Task RunInAsync(string bin, string tool, IReadOnlyList<string> args, CancellationToken ct,
        string workingDirectory = "/", IReadOnlyDictionary<string, string>? environment = null) =>
        _runAs is null
            ? RunRawAsync(Path.Combine(bin, tool), args, ct, workingDirectory, environment)
            : RunRawAsync("runuser", ["-u", _runAs, "--", Path.Combine(bin, tool), .. args], ct, workingDirectory, environment);

    private static async Task RunRawAsync(string file, IReadOnlyList<string> args, CancellationToken ct,
        string workingDirectory = "/", IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new DatabaseUnavailableException($"Could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DatabaseUnavailableException($"Could not start {file}: {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                var output = ((await stderr) + (await stdout)).Trim();
                throw new DatabaseUnavailableException(
                    string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} {string.Join(' ', args.Where(a => !a.StartsWith("--pwfile", StringComparison.Ordinal)))} failed (exit {process.ExitCode}): {output}"));
            }
        }
    }
}
