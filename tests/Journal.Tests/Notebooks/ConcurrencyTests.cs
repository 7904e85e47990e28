using System.Net;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks;

public sealed class ConcurrencyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Parallel_log_days_on_one_notebook_all_succeed_with_consecutive_day_numbers()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(30, 60), StartDate = new DateOnly(2026, 2, 1) });
        var dates = Enumerable.Range(0, 20).Select(i => new DateOnly(2026, 2, 1).AddDays(i)).ToArray();

        var responses = await Task.WhenAll(dates.Select(d => Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Parallel", d))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var versions = await Task.WhenAll(responses.Select(r => r.Read<DayLoggedResponse>(HttpStatusCode.Created)));
        Assert.Equal(Enumerable.Range(2, 20).Select(v => (long)v), versions.Select(v => v.Version).Order());
        var logged = (await Host.Events(id)).OfType<DayLogged>().Select(e => e.Date).ToList();
        Assert.Equal(dates, logged.Order());
    }

    [Fact]
    public async Task Parallel_writes_with_the_same_if_match_give_one_success_and_412s()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(30, 60), StartDate = new DateOnly(2026, 2, 1) });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Race", new DateOnly(2026, 2, 1).AddDays(i)), ("If-Match", "\"1\""))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal(2, (await Host.Events(id)).Count);
    }
}
