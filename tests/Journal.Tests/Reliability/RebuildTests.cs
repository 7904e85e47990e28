using System.Security.Cryptography;
using System.Text;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Journal.Tests.Notebooks.Progress;
using Marten;

namespace Journal.Tests.Reliability;

/// <summary>
/// Scenario 6 of the reliability issue: the read models hold nothing the events do not. Rebuilt from the
/// events alone, every stored document (progress, day entries, the write model's snapshot) is byte for byte
/// the live one, compared by the SHA-256 of its stored jsonb.
/// </summary>
public sealed class RebuildTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_gives_the_live_documents()
    {
        // Varied histories (entries, revisions, retractions, rest days, plan and time zone changes, completion,
        // reopening, abandoning, resuming) from a fixed seed, so a failure can be replayed.
        var random = new Random(20260310);
        var start = new DateOnly(2026, 3, 2);
        for (var n = 0; n < 8; n++)
        {
            Clock.Now = TestClock.Default;
            var id = await Host.StartedNotebook(Api.RustOwnership() with { Title = $"Notebook {n}", Plan = new Plan(8, 20, 30) });
            for (var i = 0; i < 25; i++)
            {
                var step = new CommandStep((CommandSteps.Kind)random.Next(10), random.Next(21), random.Next(1, 13));
                await CommandSteps.Run(Host, Clock, id, start.AddDays(step.Offset), step);
            }
        }
        var store = Fixture.Store;
        var live = await Documents(store);
        Assert.NotEmpty(live[nameof(DayEntry)]);

        // Leave the rebuild nothing to lean on: half the documents gone, a stray entry that no event made.
        await using (var session = store.LightweightSession(Owner.Id.ToString()))
        {
            foreach (var type in new[] { typeof(NotebookProgress), typeof(DayEntry) })
            {
                var table = store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
                session.QueueSqlCommand($"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} ORDER BY id LIMIT (SELECT count(*) / 2 FROM {table}))");
            }
            session.Store(new DayEntry { Id = DayEntry.IdFor(Guid.CreateVersion7(), start), Title = "Stray" });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var ct = TestContext.Current.CancellationToken;
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<NotebookProgressProjection>(ct);
            await daemon.RebuildProjectionAsync<DayEntryProjection>(ct);
        }
        var rebuilt = await Documents(store);

        foreach (var (type, documents) in live)
        {
            var differing = documents.Keys.Union(rebuilt[type].Keys)
                .Where(id => documents.GetValueOrDefault(id)?.Hash != rebuilt[type].GetValueOrDefault(id)?.Hash).ToList();
            Assert.True(differing.Count == 0, $"{differing.Count} of {documents.Count} {type} documents differ after the rebuild; the first, "
                + $"{differing.FirstOrDefault()}, live:\n{documents.GetValueOrDefault(differing.FirstOrDefault() ?? "")?.Json}\nrebuilt:\n{rebuilt[type].GetValueOrDefault(differing.FirstOrDefault() ?? "")?.Json}");
        }
    }

    private sealed record Stored(string Json, string Hash);

    /// <summary>Per document type, each stored document by id: its jsonb as PostgreSQL prints it, and the SHA-256 of that.</summary>
    private static async Task<Dictionary<string, Dictionary<string, Stored>>> Documents(IDocumentStore store)
    {
        var result = new Dictionary<string, Dictionary<string, Stored>>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        foreach (var type in new[] { typeof(NotebookProgress), typeof(DayEntry) })
        {
            var table = store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
            await using var query = connection.CreateCommand();
            query.CommandText = $"SELECT id::text, data::text FROM {table}";
            await using var reader = await query.ExecuteReaderAsync();
            var documents = new Dictionary<string, Stored>();
            while (await reader.ReadAsync())
            {
                var json = reader.GetString(1);
                documents[reader.GetString(0)] = new Stored(json, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
            }
            result[type.Name] = documents;
        }
        return result;
    }
}
