using System.Net;
using Journal.Contracts;
using Journal.Http;
using Npgsql;

namespace Journal.Tests.Http;

/// <summary>
/// A database that cannot write (read-only here; a full disk answers the same way, SQLSTATE 53100) refuses writes
/// with a 503 the client may retry, and keeps answering reads. The reliability harness runs it as a process too.
/// </summary>
public sealed class DatabaseOutagesTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_read_only_database_answers_writes_503_with_retry_after_and_keeps_serving_reads()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        var events = await Host.EventRows();

        await ReadOnly(true);
        try
        {
            var write = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Refused", new DateOnly(2026, 3, 3), Minutes: 30),
                ("Idempotency-Key", "read-only-1"));
            var problem = await write.Problem(HttpStatusCode.ServiceUnavailable, ProblemTypes.ServiceUnavailable);
            Assert.Equal(DatabaseOutages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), write.Headers.RetryAfter?.ToString());
            Assert.Contains("read-only", problem.Detail, StringComparison.Ordinal);

            var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
            Assert.Equal(1, progress.DaysLogged);
            await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
        }
        finally
        {
            await ReadOnly(false);
        }

        Assert.Equal(events, await Host.EventRows());
        // The retry of the refused request, with its key, goes through once the database writes again.
        var retried = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Refused", new DateOnly(2026, 3, 3), Minutes: 30),
            ("Idempotency-Key", "read-only-1"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Theory]
    [InlineData("53100", true)]  // disk_full
    [InlineData("25006", true)]  // read_only_sql_transaction
    [InlineData("57P01", true)]  // admin_shutdown
    [InlineData("23505", false)] // unique_violation: a fault of ours, not an outage
    public void Which_database_errors_are_outages(string sqlState, bool outage) =>
        Assert.Equal(outage, DatabaseOutages.IsOutage(new InvalidOperationException("wrapped", new PostgresException("refused", "ERROR", "ERROR", sqlState))));

    /// <summary>
    /// Sets the server read-only as an operator protecting a full disk would: <c>ALTER SYSTEM</c> and a reload reach the
    /// connections already open in the service's pool too, from their next transaction.
    /// </summary>
    private async Task ReadOnly(bool on)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in new[]
        {
            "SET default_transaction_read_only = off",
            on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only",
            "SELECT pg_reload_conf()",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        // Every backend rereads the configuration before its next command; give the signal a moment to arrive.
        await Task.Delay(200, ct);
    }
}
