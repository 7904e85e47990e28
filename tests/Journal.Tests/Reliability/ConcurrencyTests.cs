using System.Net;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Tests.Reliability;

/// <summary>
/// Scenario 1 of the reliability issue: racing writers never lose an update, never log a date twice, and a
/// stale <c>If-Match</c> is refused however many writers hold it.
/// </summary>
public sealed class ConcurrencyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public async Task Fifty_parallel_writes_with_the_same_if_match_give_one_success_49_412s_and_one_event()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(60, 120), StartDate = Start });
        var before = await Host.EventRows();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Race", Start.AddDays(i)), ("If-Match", "\"1\""))));

        var winner = await Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created).Read<DayLoggedResponse>(HttpStatusCode.Created);
        var losers = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, losers.Count);
        foreach (var loser in losers) await loser.Problem(HttpStatusCode.PreconditionFailed, "/problems/version-mismatch");
        Assert.Equal(before + 1, await Host.EventRows());
        Assert.Equal(new DayLoggedResponse(winner.Date, 1, 2), winner);
        Assert.Equal(winner.Date, Assert.IsType<DayLogged>((await Host.Events(id))[1]).Date);
    }

    [Fact]
    public async Task Two_hundred_parallel_log_days_over_ten_notebooks_append_one_event_per_success_with_contiguous_day_numbers()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
            ids.Add(await Host.StartedNotebook(Api.RustOwnership() with { Title = $"Notebook {i}", Plan = new Plan(60, 120), StartDate = Start }));
        var before = await Host.EventRows();
        // 20 distinct dates per notebook, shuffled so that the notebooks' requests interleave.
        var commands = ids.SelectMany(id => Enumerable.Range(0, 20).Select(d => (Id: id, Date: Start.AddDays(d * 3))))
            .OrderBy(_ => Random.Shared.Next()).ToList();

        var responses = await Task.WhenAll(commands.Select(async c =>
        {
            var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{c.Id}/days", new LogDay("Parallel", c.Date));
            return (c.Id, c.Date, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Created, $"{(int)r.Status} {r.Body}"));
        Assert.Equal(before + responses.Length, await Host.EventRows());
        foreach (var id in ids)
        {
            var logged = (await Host.Events(id)).OfType<DayLogged>().Select(e => e.Date).ToList();
            Assert.Equal(logged.Count, logged.Distinct().Count());
            Assert.Equal(responses.Where(r => r.Id == id).Select(r => r.Date).Order(), logged.Order());

            var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
            Assert.Equal(Enumerable.Range(1, 20), progress.Days.Select(d => d.DayNumber));
            Assert.Equal(logged.Order(), progress.Days.Select(d => d.Date));
            // Each acknowledged write got its own stream version, 2 to 21.
            var versions = responses.Where(r => r.Id == id).Select(r => System.Text.Json.JsonSerializer.Deserialize<DayLoggedResponse>(r.Body, Api.Json)!.Version);
            Assert.Equal(Enumerable.Range(2, 20).Select(v => (long)v), versions.Order());
        }
    }
}
