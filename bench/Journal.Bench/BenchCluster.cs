using Journal.Postgres;
using Journal.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journal.Bench;

/// <summary>
/// The bench's PostgreSQL: the service's own embedded launcher, on a cluster in a temporary folder, restarted
/// once with pg_stat_statements loaded so that statements per command can be counted.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private EmbeddedPostgres _postgres;

    private BenchCluster(string folder, EmbeddedPostgres postgres)
    {
        Folder = folder;
        _postgres = postgres;
    }

    public string Folder { get; }
    public string DataDirectory => _postgres.DataDirectory;

    public static async Task<BenchCluster> StartAsync(string folder, CancellationToken ct)
    {
        var data = Path.Combine(folder, "postgres");
        var postgres = await EmbeddedPostgres.StartAsync(data, null, null, "journal", NullLogger.Instance, ct);
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        await postgres.StopAsync();
        postgres = await EmbeddedPostgres.StartAsync(data, null, null, "journal", NullLogger.Instance, ct);
        var cluster = new BenchCluster(folder, postgres);
        await cluster.ExecuteAsync("journal", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
        return cluster;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = database }.ConnectionString;

    public async Task CreateDatabaseAsync(string database, CancellationToken ct) =>
        await ExecuteAsync("postgres", $"CREATE DATABASE {database}", ct);

    public async Task ExecuteAsync(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<(T1, T2, T3)> RowAsync<T1, T2, T3>(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetFieldValue<T1>(0), reader.GetFieldValue<T2>(1), reader.GetFieldValue<T3>(2));
    }

    public async Task<T> ScalarAsync<T>(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _postgres.DisposeAsync();
    }
}
