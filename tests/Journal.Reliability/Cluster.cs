using Journal.Postgres;
using System.Diagnostics;
using Journal.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journal.Reliability;

/// <summary>
/// A throwaway PostgreSQL cluster started by the service's own launcher, which the harness can also crash
/// (<c>pg_ctl stop -m immediate</c>) and start again on the same port.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _bin;
    private EmbeddedPostgres _postgres;

    private Cluster(string bin, EmbeddedPostgres postgres)
    {
        _bin = bin;
        _postgres = postgres;
    }

    public string ConnectionString => _postgres.ConnectionString;
    public int Port => _postgres.Port;

    public static async Task<Cluster> StartAsync(string folder)
    {
        var bin = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage);
        var postgres = await EmbeddedPostgres.StartAsync(Path.Combine(folder, "postgres"), null, bin, "journal", NullLogger.Instance);
        return new Cluster(bin, postgres);
    }

    /// <summary>Stops PostgreSQL the way a crash would: no checkpoint, every connection cut.</summary>
    public async Task StopImmediatelyAsync()
    {
        await PgCtlAsync("stop", "-D", _postgres.DataDirectory, "-m", "immediate", "-w", "-t", "30", "-s");
        NpgsqlConnection.ClearAllPools(); // the harness's own connections died with it
    }

    /// <summary>Starts it again on the same port (crash recovery runs first); returns when it accepts connections.</summary>
    public async Task StartAgainAsync() =>
        _postgres = await EmbeddedPostgres.StartAsync(_postgres.DataDirectory, _postgres.Port, _bin, "journal", NullLogger.Instance);

    public async Task<string> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    private async Task PgCtlAsync(params string[] args)
    {
        var runAsPostgres = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();
        var info = new ProcessStartInfo(runAsPostgres ? "runuser" : Path.Combine(_bin, "pg_ctl")) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (runAsPostgres) foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(_bin, "pg_ctl") }) info.ArgumentList.Add(arg);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed: {output}");
    }

    public async ValueTask DisposeAsync() => await _postgres.DisposeAsync();
}
