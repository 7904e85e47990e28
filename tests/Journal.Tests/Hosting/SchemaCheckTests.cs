using Journal.Hosting;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journal.Tests.Hosting;

/// <summary>The schema step at start, as several nodes of one build run it against a new database at once.</summary>
[Collection(IntegrationTests.Name)]
public sealed class SchemaCheckTests(JournalHost fixture)
{
    [Fact]
    public async Task Nodes_starting_together_apply_the_schema_once_and_the_others_wait_for_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = $"schema_race_{Guid.NewGuid():N}";
        await Sql(fixture.ConnectionString, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = database }.ConnectionString;
        try
        {
            // Three stores as three nodes would build them: same build, same configuration, their own connections.
            var stores = Enumerable.Range(0, 3).Select(_ => DocumentStore.For(o => Persistence.ConfigureMarten(o, connectionString))).ToList();
            var outcomes = await Task.WhenAll(stores.Select(s => Task.Run(() => new SchemaCheck(s, NullLogger<SchemaCheck>.Instance).RunAsync(ct), ct)));

            Assert.Single(outcomes, SchemaCheck.Outcome.Applied);
            Assert.Equal(SchemaCheck.Build, await Sql(connectionString, $"SELECT obj_description('{Persistence.Schema}'::regnamespace, 'pg_namespace')"));
            // A later start of the same build reads the comment and applies nothing.
            Assert.Equal(SchemaCheck.Outcome.Current, await new SchemaCheck(stores[0], NullLogger<SchemaCheck>.Instance).RunAsync(ct));
            foreach (var store in stores) store.Dispose();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql(fixture.ConnectionString, $"DROP DATABASE {database} WITH (FORCE)");
        }
    }

    private static async Task<object?> Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
