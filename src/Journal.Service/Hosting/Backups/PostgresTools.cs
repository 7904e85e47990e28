using System.Diagnostics;
using System.Globalization;
using Journal.Postgres;
using Npgsql;

namespace Journal.Hosting.Backups;

/// <summary>
/// pg_dump and pg_restore against Journal's database, whichever it is (the embedded cluster or the configured one):
/// the tools of the server's own major version when installed (Journal:Database:BinDirectory first), signed in through
/// the environment so the password never shows in a process list.
/// </summary>
public static class PostgresTools
{
    public static async Task<int> ServerMajorAsync(NpgsqlConnection connection)
    {
        await using var version = new NpgsqlCommand("SHOW server_version_num", connection);
        return int.Parse((string)(await version.ExecuteScalarAsync())!, CultureInfo.InvariantCulture) / 10_000;
    }

    /// <summary>A tool able to talk to this server: one of its major version, or else the newest found (which says when it cannot).</summary>
    public static string Find(string tool, int serverMajor, string? configuredBin)
    {
        string? In(string? folder) => folder is not null && File.Exists(Path.Combine(folder, tool)) ? Path.Combine(folder, tool) : null;
        return (configuredBin is not null && PostgresBinaries.MajorVersion(configuredBin) >= serverMajor ? In(configuredBin) : null)
            ?? In(PostgresBinaries.FindMajor(serverMajor))
            ?? In(configuredBin)
            ?? In(PostgresBinaries.Find())
            ?? tool; // on PATH, or the start fails with a message naming it
    }

    /// <summary>Runs the tool with the connection's host, port, user, password and database in its environment; returns its error output.</summary>
    public static async Task RunAsync(string tool, IReadOnlyList<string> args, string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["PGHOST"] = connection.Host;
        info.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = connection.Username;
        info.Environment["PGDATABASE"] = connection.Database;
        if (connection.Password is { Length: > 0 } password) info.Environment["PGPASSWORD"] = password;
        if (connection.SslMode != SslMode.Prefer) info.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant() switch
        {
            "verifyca" => "verify-ca",
            "verifyfull" => "verify-full",
            var mode => mode,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {((await errors) + (await output)).Trim()}");
    }

    /// <summary>Events, notebooks and accounts in Journal's schema; zeros when there is no schema yet.</summary>
    public static async Task<(long Events, long Notebooks, long Accounts)> CountAsync(NpgsqlConnection connection, string schema)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = $"{schema}.mt_events" } } };
        if (await exists.ExecuteScalarAsync() is not true) return (0, 0, 0);
        await using var count = new NpgsqlCommand($"""
            SELECT count(*) FILTER (WHERE type <> 'tombstone'),
                   count(*) FILTER (WHERE type = 'notebook_started'),
                   count(*) FILTER (WHERE type = 'account_registered')
            FROM {schema}.mt_events
            """, connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
