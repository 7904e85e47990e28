using System.Globalization;
using Npgsql;

namespace Journal.Bench;

/// <summary>
/// Statements per command from pg_stat_statements: what the service sends to PostgreSQL for each request,
/// beside what the hand-written baseline sends. Baseline statements are told apart by their schema name.
/// </summary>
internal sealed class StatementProfile(string connectionString)
{
    public async Task ResetAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public sealed record Statement(string Query, long Calls, double TotalMs, bool Baseline);

    public async Task<IReadOnlyList<Statement>> ReadAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT query, calls, total_exec_time FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat_statements%'
            ORDER BY calls DESC
            """, connection);
        var rows = new List<Statement>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var query = reader.GetString(0);
            rows.Add(new Statement(query, reader.GetInt64(1), reader.GetDouble(2), query.Contains(Baseline.Schema, StringComparison.Ordinal)));
        }
        return rows;
    }

    /// <summary>Lines for the log: statements per request on each side, and Journal's most frequent statements.</summary>
    public static IEnumerable<string> Describe(string command, IReadOnlyList<Statement> rows, int journalRequests, int baselineRequests, int top = 12)
    {
        var journal = rows.Where(r => !r.Baseline).ToList();
        var baseline = rows.Where(r => r.Baseline).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"statements per {command}: Journal {journal.Sum(r => r.Calls) / (double)Math.Max(1, journalRequests):0.0} " +
            $"({journal.Sum(r => r.TotalMs) / Math.Max(1, journalRequests):0.000} ms in the database), " +
            $"baseline {baseline.Sum(r => r.Calls) / (double)Math.Max(1, baselineRequests):0.0} " +
            $"({baseline.Sum(r => r.TotalMs) / Math.Max(1, baselineRequests):0.000} ms)");
        foreach (var r in journal.Take(top))
        {
            var sql = string.Join(' ', r.Query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {r.Calls / (double)Math.Max(1, journalRequests),5:0.00} × {r.TotalMs / Math.Max(1, r.Calls),6:0.000} ms  {sql[..Math.Min(sql.Length, 110)]}");
        }
    }
}
