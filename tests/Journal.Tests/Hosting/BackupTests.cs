using System.Text.Json;
using Journal.Hosting;
using Journal.Notebooks.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Journal.Tests.Hosting;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c>, run as an operator runs them (the built service as a process), against a
/// database the service is using: the restore is the same store, row for row, and every audit reads the same.
/// </summary>
public sealed class BackupTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_backup_restores_row_for_row_with_the_same_audits_and_a_restore_over_data_needs_force()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        for (var n = 0; n < 3; n++)
        {
            var id = await Host.StartedNotebook(Api.RustOwnership() with { Title = $"Notebook {n}" });
            await Host.LoggedDay(id, "2026-03-02");
            await Host.SkippedDay(id, "2026-03-03", "Rest");
            await Host.LoggedDay(id, "2026-03-04", minutes: 30 + n);
            ids.Add(id);
        }
        await Host.CatchUpAsyncProjections(); // the study view is written in the background: settled before the copies are compared
        var folder = Directory.CreateTempSubdirectory("journal-backup-").FullName;
        var file = Path.Combine(folder, "journal.backup");
        var restored = $"restored_{Guid.NewGuid():N}";
        await Sql(Fixture.ConnectionString, $"CREATE DATABASE {restored}");
        var restoredConnection = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = restored }.ConnectionString;
        try
        {
            var backup = await Run(Fixture.ConnectionString, "backup", file); // while the service runs
            Assert.True(backup.ExitCode == 0, backup.Errors + backup.Output);
            Assert.True(backup.Output.Contains("Backed up 14 events (3 notebooks, 1 accounts)", StringComparison.Ordinal), backup.Output[^Math.Min(2000, backup.Output.Length)..]);

            var restore = await Run(restoredConnection, "restore", file);
            Assert.True(restore.ExitCode == 0, restore.Errors + restore.Output);
            var original = await Tables(Fixture.ConnectionString);
            SameRows(original, await Tables(restoredConnection));
            Assert.Equal(await Audits(Fixture.Store, ids), await Audits(restoredConnection, ids));

            // Over a database that holds events: refused without --force, and nothing changes.
            await Host.StartedNotebook(Api.RustOwnership() with { Title = "Written after the backup" });
            await Host.CatchUpAsyncProjections();
            var changed = await Tables(Fixture.ConnectionString);
            var refused = await Run(Fixture.ConnectionString, "restore", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("--force", refused.Errors, StringComparison.Ordinal);
            SameRows(changed, await Tables(Fixture.ConnectionString));

            // With --force the restored database returns to the backup, whatever was written there since.
            await using (var store = DocumentStore.For(o => Persistence.ConfigureMarten(o, restoredConnection)))
            await using (var session = store.LightweightSession(Owner.Id.ToString()))
            {
                session.Events.Append(ids[0], new Journal.Notebooks.NotebookAbandoned("after the backup"));
                await session.SaveChangesAsync(ct);
            }
            // Nor while another connection (a running service) uses the database.
            await using (var service = new NpgsqlConnection(restoredConnection + ";Pooling=false"))
            {
                await service.OpenAsync(ct);
                var busy = await ServiceProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Journal"] = restoredConnection }, "restore", file, "--force");
                Assert.Equal(1, busy.ExitCode);
                Assert.Contains("is the service running?", busy.Errors, StringComparison.Ordinal);
            }

            // A restore that fails (not a backup at all) leaves the database as it was, --force or not.
            var notABackup = Path.Combine(folder, "not-a.backup");
            await File.WriteAllTextAsync(notABackup, "not pg_dump's custom format", ct);
            var changedRestored = await Tables(restoredConnection);
            var failed = await Run(restoredConnection, "restore", notABackup, "--force");
            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("the database is as it was", failed.Errors, StringComparison.Ordinal);
            SameRows(changedRestored, await Tables(restoredConnection));

            var forced = await Run(restoredConnection, "restore", file, "--force");
            Assert.True(forced.ExitCode == 0, forced.Errors + forced.Output);
            Assert.Contains("replacing 15 events", forced.Output, StringComparison.Ordinal);
            SameRows(original, await Tables(restoredConnection));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql(Fixture.ConnectionString, $"DROP DATABASE {restored} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output, string Errors)> Run(string connectionString, params string[] args)
    {
        NpgsqlConnection.ClearAllPools(); // the test's own idle connections are not a running service
        return ServiceProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Journal"] = connectionString }, args);
    }

    /// <summary>Fails naming each table whose rows differ, with both fingerprints.</summary>
    private static void SameRows(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        Assert.Empty(expected.Keys.Union(actual.Keys)
            .Where(table => expected.GetValueOrDefault(table) != actual.GetValueOrDefault(table))
            .Select(table => $"{table}: {expected.GetValueOrDefault(table) ?? "missing"} -> {actual.GetValueOrDefault(table) ?? "missing"}"));

    /// <summary>Every table of Journal's schema (but the cluster's bookkeeping: wolverine_*, the daemon's heartbeats) with the MD5 of all its rows, in a fixed order.</summary>
    private static async Task<SortedDictionary<string, string>> Tables(string connectionString)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT tablename FROM pg_tables WHERE schemaname = '{Persistence.Schema}' AND tablename NOT LIKE 'wolverine%'", connection))
        await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            // The async daemon's rows: which projections there are. Their positions and heartbeats move on their own
            // while a node runs (a copy taken a moment earlier or later is as good: the daemon continues from it).
            var rows = name == "mt_event_progression"
                ? $"(SELECT name FROM {Persistence.Schema}.{name}) t"
                : $"{Persistence.Schema}.{name} t";
            await using var hash = new NpgsqlCommand($"SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {rows}", connection);
            tables[name] = (string)(await hash.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        return tables;
    }

    private async Task<string> Audits(string connectionString, IEnumerable<Guid> ids)
    {
        await using var store = DocumentStore.For(o => Persistence.ConfigureMarten(o, connectionString));
        return await Audits(store, ids);
    }

    private async Task<string> Audits(IDocumentStore store, IEnumerable<Guid> ids)
    {
        var json = Host.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        await using var session = store.QuerySession(Owner.Id.ToString());
        var audits = new List<AuditResponseText>();
        foreach (var id in ids)
        {
            var audit = await NotebookAudit.RunAsync(session, id, Clock.GetUtcNow(), json, TestContext.Current.CancellationToken);
            Assert.True(audit?.Consistent, $"{id}: {JsonSerializer.Serialize(audit, json)}");
            audits.Add(new AuditResponseText(id, JsonSerializer.Serialize(audit, json)));
        }
        return JsonSerializer.Serialize(audits, json);
    }

    private sealed record AuditResponseText(Guid Id, string Audit);

    private static async Task Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
