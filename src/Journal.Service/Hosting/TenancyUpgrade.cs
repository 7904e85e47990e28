using Npgsql;

namespace Journal.Hosting;

/// <summary>
/// A database written before accounts has a single-tenant event store: streams keyed by id alone. Accounts key them by
/// (tenant, id). Marten 9.59's own migration of that step writes the new foreign key twice and fails ("constraint
/// fkey_mt_events_stream_id_tenant_id already exists"), so this step does it first, once, in one transaction; Marten's
/// comparison then finds the event tables as it wants them and does the rest. A no-op on any other database.
/// </summary>
public static class TenancyUpgrade
{
    public static async Task<bool> ApplyAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using (var check = new NpgsqlCommand(
            "SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.conname = 'pkey_mt_streams_id'", connection)
        {
            Parameters = { new() { Value = schema } },
        })
        {
            if (await check.ExecuteScalarAsync(ct) is null) return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var upgrade = new NpgsqlCommand($"""
            ALTER TABLE {schema}.mt_streams DROP CONSTRAINT pkey_mt_streams_id CASCADE;
            ALTER TABLE {schema}.mt_streams ADD CONSTRAINT pkey_mt_streams_tenant_id_id PRIMARY KEY (tenant_id, id);
            ALTER TABLE {schema}.mt_events DROP CONSTRAINT IF EXISTS fkey_mt_events_stream_id;
            ALTER TABLE {schema}.mt_events ADD CONSTRAINT fkey_mt_events_stream_id_tenant_id FOREIGN KEY (tenant_id, stream_id) REFERENCES {schema}.mt_streams (tenant_id, id);
            DROP INDEX IF EXISTS {schema}.pk_mt_events_stream_and_version;
            CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON {schema}.mt_events USING btree (tenant_id, stream_id, version);
            """, connection, transaction))
        {
            await upgrade.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }
}
