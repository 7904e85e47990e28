using JasperFx;
using Marten;
using Npgsql;

namespace Journal.Hosting;

/// <summary>
/// Brings the database's schema up to this build's at start, once per build: Marten's full comparison reads
/// the catalog for every table and function (about half a second, docs/performance.md, cold start), so the
/// build that last applied it is written as the schema's comment, and a start of the same build skips it.
/// Sessions never check lazily (<c>AutoCreate.None</c>): everything they need was applied here.
/// To force a new comparison, drop the comment (<c>COMMENT ON SCHEMA journal IS NULL</c>) or run <c>db-apply</c>.
/// </summary>
public sealed class SchemaCheck(IDocumentStore store, ILogger<SchemaCheck> logger) : IHostedService
{
    /// <summary>This build of the service and of Marten: a rebuilt service may bring a new schema.</summary>
    public static readonly string Build =
        $"Journal schema applied by build {typeof(SchemaCheck).Assembly.ManifestModule.ModuleVersionId} (Marten {typeof(IDocumentStore).Assembly.GetName().Version})";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = $1", connection)
        {
            Parameters = { new() { Value = Persistence.Schema } },
        })
        {
            if (await read.ExecuteScalarAsync(cancellationToken) as string == Build) return;
        }

        if (await TenancyUpgrade.ApplyAsync(connection, Persistence.Schema, cancellationToken))
            logger.LogInformation("Event store keyed by account (tenant): notebooks written before accounts go to the first account to sign up");
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await using var mark = new NpgsqlCommand($"COMMENT ON SCHEMA {Persistence.Schema} IS '{Build.Replace("'", "''", StringComparison.Ordinal)}'", connection);
        await mark.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Database schema brought up to this build's");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
