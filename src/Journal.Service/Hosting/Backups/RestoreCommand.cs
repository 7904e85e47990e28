using JasperFx.CommandLine;
using Npgsql;

namespace Journal.Hosting.Backups;

public sealed class RestoreInput : NetCoreInput
{
    [Description("The backup file, as written by 'backup'")]
    public string File { get; set; } = "";

    [Description("Replace the data the database holds (kept aside until the restore succeeded, then dropped)")]
    [FlagAlias("force", 'f')]
    public bool ForceFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Journal.Service -- restore FILE [--force]</c>: brings back a backup with pg_restore, in one
/// transaction. A database that holds events is refused unless --force; with it, the current schema is renamed aside and
/// dropped only once the restore committed, so a failed restore leaves the data as it was. A database other connections
/// use (a running service) is refused.
/// </summary>
[Description("Restore the database from a file written by 'backup' (refuses to replace data without --force)", Name = "restore")]
public sealed class RestoreCommand : JasperFxAsyncCommand<RestoreInput>
{
    public override async Task<bool> Execute(RestoreInput input)
    {
        using var host = input.BuildHost();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var connectionString = JournalDatabase.ConnectionString(configuration);
        var file = Path.GetFullPath(input.File);
        if (!System.IO.File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No backup at {file}.");
            return false;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var before = await PostgresTools.CountAsync(connection, Persistence.Schema);
        if (before.Events > 0 && !input.ForceFlag)
        {
            await Console.Error.WriteLineAsync(
                $"Refusing to restore: the database already holds {before.Events} events ({before.Notebooks} notebooks, {before.Accounts} accounts), " +
                "which the restore would replace. Stop the service, then run 'restore FILE --force' (the data there is kept until the restore succeeded).");
            return false;
        }

        // A service still running would see its tables vanish and come back under it, and write into the old ones meanwhile.
        await using (var others = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'", connection))
        {
            if (await others.ExecuteScalarAsync() is long count and > 0)
            {
                await Console.Error.WriteLineAsync(
                    $"Refusing to restore: {count} other connections use this database (is the service running?). Stop every Journal process first, then run 'restore' again.");
                return false;
            }
        }

        var aside = $"{Persistence.Schema}_before_restore_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var moved = await SchemaExistsAsync(connection, Persistence.Schema);
        if (moved) await ExecuteAsync(connection, $"ALTER SCHEMA {Persistence.Schema} RENAME TO {aside}");
        var pgRestore = PostgresTools.Find("pg_restore", await PostgresTools.ServerMajorAsync(connection), configuration["Journal:Database:BinDirectory"]);
        try
        {
            await PostgresTools.RunAsync(pgRestore, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
                $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", file], connectionString, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            if (moved) await ExecuteAsync(connection, $"ALTER SCHEMA {aside} RENAME TO {Persistence.Schema}");
            await Console.Error.WriteLineAsync($"Restore failed; the database is as it was. {e.Message}");
            return false;
        }
        if (moved) await ExecuteAsync(connection, $"DROP SCHEMA {aside} CASCADE");

        var after = await PostgresTools.CountAsync(connection, Persistence.Schema);
        Console.WriteLine($"Restored {after.Events} events ({after.Notebooks} notebooks, {after.Accounts} accounts) from {file}" +
            (before.Events > 0 ? $", replacing {before.Events} events." : "."));
        return true;
    }

    private static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, string schema)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_namespace WHERE nspname = $1", connection) { Parameters = { new() { Value = schema } } };
        return await exists.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
