using Journal.Http;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;
using Npgsql;

namespace Journal.Accounts;

/// <summary>
/// Notebooks written before accounts existed sit in Marten's default tenant. The first account to register takes
/// them: their streams, events and documents move to its tenant, in the registration's own transaction.
/// </summary>
public static class NotebooksBeforeAccounts
{
    public const string DefaultTenant = "*DEFAULT*";

    /// <returns>How many notebooks (streams) moved.</returns>
    public static async Task<int> ClaimAsync(IDocumentSession session, string tenant, CancellationToken ct)
    {
        var options = session.DocumentStore.Options;
        var events = options.Events.DatabaseSchemaName;
        string Table(Type type) => $"{options.DatabaseSchemaName}.mt_doc_{type.Name.ToLowerInvariant()}"; // Marten's names for top-level types
        // Events point at their stream by (id, tenant): copy the streams to the new tenant, move the events, drop the old rows.
        (string Sql, object[] Values)[] statements =
        [
            ($"""
             CREATE TEMP TABLE journal_moving_streams ON COMMIT DROP AS SELECT * FROM {events}.mt_streams
             WHERE tenant_id = '{DefaultTenant}' AND id IN (SELECT stream_id FROM {events}.mt_events WHERE tenant_id = '{DefaultTenant}' AND type = 'notebook_started')
             """, []),
            ("UPDATE journal_moving_streams SET tenant_id = $1", [tenant]),
            ($"INSERT INTO {events}.mt_streams SELECT * FROM journal_moving_streams", []),
            ($"UPDATE {events}.mt_events SET tenant_id = $1 WHERE tenant_id = $2 AND stream_id IN (SELECT id FROM journal_moving_streams)", [tenant, DefaultTenant]),
            ($"DELETE FROM {events}.mt_streams WHERE tenant_id = $1 AND id IN (SELECT id FROM journal_moving_streams)", [DefaultTenant]),
            ($"UPDATE {Table(typeof(NotebookProgress))} SET tenant_id = $1 WHERE tenant_id = $2", [tenant, DefaultTenant]),
            ($"UPDATE {Table(typeof(DayEntry))} SET tenant_id = $1 WHERE tenant_id = $2", [tenant, DefaultTenant]),
            ($"UPDATE {Table(typeof(StoredAnswer))} SET tenant_id = $1 WHERE tenant_id = $2", [tenant, DefaultTenant]),
        ];
        await using var batch = new NpgsqlBatch(session.Connection);
        foreach (var (sql, values) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.CloseAsync();
        return batch.BatchCommands[2].RecordsAffected; // the streams copied
    }
}
