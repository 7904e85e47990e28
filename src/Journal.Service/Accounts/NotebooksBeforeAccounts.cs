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
        var notebookStreams = $"SELECT stream_id FROM {events}.mt_events WHERE tenant_id = $2 AND type = 'notebook_started'";
        var sql = $"""
            UPDATE {events}.mt_streams SET tenant_id = $1 WHERE tenant_id = $2 AND id IN ({notebookStreams});
            UPDATE {events}.mt_events SET tenant_id = $1 WHERE tenant_id = $2 AND stream_id IN ({notebookStreams});
            UPDATE {Table(typeof(NotebookProgress))} SET tenant_id = $1 WHERE tenant_id = $2;
            UPDATE {Table(typeof(DayEntry))} SET tenant_id = $1 WHERE tenant_id = $2;
            UPDATE {Table(typeof(StoredAnswer))} SET tenant_id = $1 WHERE tenant_id = $2;
            """;
        await using var batch = new NpgsqlBatch(session.Connection);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement) { Parameters = { new() { Value = tenant }, new() { Value = DefaultTenant } } });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.CloseAsync();
        return batch.BatchCommands[0].RecordsAffected;
    }
}
