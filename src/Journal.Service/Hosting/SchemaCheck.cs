using JasperFx;
using Marten;
using Npgsql;
using Wolverine.Persistence.Durability;

namespace Journal.Hosting;

/// <summary>
/// Brings the database's schema up to this build's at start, once per build: Marten's full comparison reads
/// the catalog for every table and function (about half a second, docs/performance.md, cold start), so the
/// build that last applied it is written as the schema's comment, and a start of the same build skips it.
/// Sessions never check lazily (<c>AutoCreate.None</c>): everything they need was applied here.
/// To force a new comparison, drop the comment (<c>COMMENT ON SCHEMA journal IS NULL</c>) or run <c>db-apply</c>.
/// Nodes that start together take turns: the first applies, the others wait for it and then find its comment.
/// </summary>
/// <param name="messages">Wolverine's node and agent tables (the cluster's bookkeeping), applied with Marten's.</param>
public sealed class SchemaCheck(IDocumentStore store, ILogger<SchemaCheck> logger, IMessageStore? messages = null) : IHostedService
{
    /// <summary>This build of the service and of Marten: a rebuilt service may bring a new schema.</summary>
    public static readonly string Build =
        $"Journal schema applied by build {typeof(SchemaCheck).Assembly.ManifestModule.ModuleVersionId} (Marten {typeof(IDocumentStore).Assembly.GetName().Version})";

    /// <summary>The session-level advisory lock held while the schema is checked and applied ("Journal schema" in ASCII).</summary>
    public const long LockKey = 0x4A6F75726E616C;

    public enum Outcome { Current, Applied, AppliedByAnother }

    public async Task StartAsync(CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (await BuildCommentAsync(connection, cancellationToken) == Build) return Outcome.Current;

        // Two nodes applying at once would both run Marten's DDL and trip over each other's tables. The lock is the
        // session's: it lasts while Marten applies on connections of its own, and goes with this connection if we die.
        var waited = false;
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
        {
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                logger.LogInformation("Another node is bringing the database schema up to date; waiting for it");
                await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection) { CommandTimeout = 0 };
                await wait.ExecuteNonQueryAsync(cancellationToken);
                waited = true;
            }
        }
        try
        {
            if (await BuildCommentAsync(connection, cancellationToken) == Build) return waited ? Outcome.AppliedByAnother : Outcome.Current;

            if (await TenancyUpgrade.ApplyAsync(connection, Persistence.Schema, cancellationToken))
                logger.LogInformation("Event store keyed by account (tenant): notebooks written before accounts go to the first account to sign up");
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
            if (messages is not null) await messages.Admin.MigrateAsync(AutoCreate.CreateOrUpdate);
            await using var mark = new NpgsqlCommand($"COMMENT ON SCHEMA {Persistence.Schema} IS '{Build.Replace("'", "''", StringComparison.Ordinal)}'", connection);
            await mark.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Database schema brought up to this build's");
            return Outcome.Applied;
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<string?> BuildCommentAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = $1", connection)
        {
            Parameters = { new() { Value = Persistence.Schema } },
        };
        return await read.ExecuteScalarAsync(ct) as string;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
