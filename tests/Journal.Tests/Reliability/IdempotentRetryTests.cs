using System.Net;
using Journal.Contracts;
using Journal.Http;

namespace Journal.Tests.Reliability;

/// <summary>
/// Scenario 5 of the reliability issue: a client that retries while its first attempt is still running
/// (a timeout, a dropped connection) gets the first answer, and the command is applied once.
/// </summary>
public sealed class IdempotentRetryTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_hundred_commands_sent_three_times_each_with_racing_retries_append_a_hundred_events_and_answer_alike()
    {
        var start = new DateOnly(2026, 1, 1);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await Host.StartedNotebook(Api.RustOwnership() with { Title = $"Notebook {i}", Plan = new Plan(60, 120), StartDate = start }));
        var commands = ids.SelectMany(id => Enumerable.Range(0, 20).Select(d =>
            (Id: id, Key: Guid.NewGuid().ToString(), Command: new LogDay($"Day {d}", start.AddDays(d), Minutes: 30)))).ToList();
        var before = await Host.EventRows();

        var answers = await Task.WhenAll(commands.Select(async c =>
        {
            var attempts = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{c.Id}/days", c.Command, ("Idempotency-Key", c.Key));
                return $"{(int)response.StatusCode} {response.Headers.Location} {response.ETag()} {await response.Content.ReadAsStringAsync()}";
            }));
            return (c.Command.Date, Attempts: attempts);
        }));

        foreach (var (date, attempts) in answers)
        {
            Assert.StartsWith("201 ", attempts[0], StringComparison.Ordinal);
            Assert.Contains($"/days/{date:yyyy-MM-dd}", attempts[0], StringComparison.Ordinal);
            Assert.All(attempts, a => Assert.Equal(attempts[0], a));
        }
        Assert.Equal(before + commands.Count, await Host.EventRows());
    }
}
