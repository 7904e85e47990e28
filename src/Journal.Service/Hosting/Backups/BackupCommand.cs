using JasperFx.CommandLine;
using Npgsql;

namespace Journal.Hosting.Backups;

public sealed class BackupInput : NetCoreInput
{
    [Description("The backup file to write (pg_dump's custom format); an existing file is replaced only when the backup succeeded")]
    public string File { get; set; } = "";
}

/// <summary>
/// <c>dotnet run --project src/Journal.Service -- backup FILE</c>: a consistent copy of Journal's schema (every event, document and
/// setting) with pg_dump, taken while the service runs or not. <c>restore FILE</c> brings it back (docs/operations.md).
/// </summary>
[Description("Back up the database (the embedded cluster's or the configured one) to a file with pg_dump", Name = "backup")]
public sealed class BackupCommand : JasperFxAsyncCommand<BackupInput>
{
    public override async Task<bool> Execute(BackupInput input)
    {
        using var host = input.BuildHost();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var connectionString = JournalDatabase.ConnectionString(configuration);
        var file = Path.GetFullPath(input.File);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var (events, notebooks, accounts) = await PostgresTools.CountAsync(connection, Persistence.Schema);
        var pgDump = PostgresTools.Find("pg_dump", await PostgresTools.ServerMajorAsync(connection), configuration["Journal:Database:BinDirectory"]);

        // Written beside the target, then renamed: a failed or interrupted backup never looks like a finished one.
        var partial = file + ".partial";
        try
        {
            await PostgresTools.RunAsync(pgDump, ["--format=custom", $"--schema={Persistence.Schema}", "--no-owner", "--no-privileges",
                // The cluster's bookkeeping (which nodes live, which runs what) belongs to the running nodes, not to the data.
                $"--exclude-table-data={Persistence.Schema}.wolverine_*", $"--file={partial}"],
                connectionString, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            System.IO.File.Delete(partial);
            await Console.Error.WriteLineAsync($"Backup failed; nothing was written to {file}. {e.Message}");
            return false;
        }
        System.IO.File.Move(partial, file, overwrite: true);
        Console.WriteLine($"Backed up {events} events ({notebooks} notebooks, {accounts} accounts) to {file} ({new FileInfo(file).Length / 1024.0:F0} KiB) with {pgDump}.");
        return true;
    }
}
