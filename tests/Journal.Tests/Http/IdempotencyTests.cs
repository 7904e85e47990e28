using System.Net;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Http;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Http;

public sealed class IdempotencyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_returns_the_first_response_and_appends_nothing()
    {
        var id = await Host.StartedNotebook();
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var command = new LogDay("Once", new DateOnly(2026, 3, 2));

        var first = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", command, key);
        var retry = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", command, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(2, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Starting_twice_with_one_key_makes_one_notebook()
    {
        var key = ("Idempotency-Key", "start-" + Guid.NewGuid());
        var first = await (await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), key)).Read<NotebookStartedResponse>(HttpStatusCode.Created);
        var retry = await (await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), key)).Read<NotebookStartedResponse>(HttpStatusCode.Created);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422()
    {
        var id = await Host.StartedNotebook();
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("One", new DateOnly(2026, 3, 2)), key);

        var other = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Two", new DateOnly(2026, 3, 3)), key);

        await other.Problem(HttpStatusCode.UnprocessableEntity, "/problems/idempotency-key-reused");
        Assert.Equal(2, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Racing_retries_all_get_the_first_answer_and_append_once()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(30, 60), StartDate = new DateOnly(2026, 2, 1) });
        var commands = Enumerable.Range(0, 10).Select(i => (Key: ("Idempotency-Key", $"race-{i}-{Guid.NewGuid()}"), Command: new LogDay($"Day {i}", new DateOnly(2026, 2, 1).AddDays(i))));

        var responses = await Task.WhenAll(commands.SelectMany(c => Enumerable.Range(0, 3).Select(async _ =>
        {
            var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", c.Command, c.Key);
            return (c.Key.Item2, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), ETag: response.ETag());
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.All(responses.GroupBy(r => r.Item1), g => Assert.Single(g.Select(r => (r.Body, r.ETag)).Distinct()));
        Assert.Equal(11, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Racing_starts_with_one_key_make_one_notebook()
    {
        var key = ("Idempotency-Key", "start-race-" + Guid.NewGuid());
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Read<NotebookStartedResponse>(HttpStatusCode.Created)));
        Assert.Single(bodies.Distinct());
        var index = await (await Host.Send(HttpMethod.Get, "/api/notebooks")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        Assert.Equal(1, index.Total);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("naïve")]
    public async Task Malformed_keys_are_400(string key)
    {
        var id = await Host.StartedNotebook();
        var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("x"), ("Idempotency-Key", key));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal(["Idempotency-Key"], problem.Errors!.Keys);
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task A_refused_request_is_not_remembered_so_a_corrected_retry_can_reuse_its_key()
    {
        var id = await Host.StartedNotebook();
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Future", new DateOnly(2026, 3, 20)), key))
            .Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");

        var corrected = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Future", new DateOnly(2026, 3, 10)), key);
        Assert.Equal(new DayLoggedResponse(new DateOnly(2026, 3, 10), 1, 2), await corrected.Read<DayLoggedResponse>(HttpStatusCode.Created));
    }

    [Fact]
    public async Task Answers_older_than_the_window_are_deleted_and_younger_ones_kept()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(5, 7) });
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Old", new DateOnly(2026, 3, 2)), ("Idempotency-Key", "old"));
        Clock.Now += TimeSpan.FromHours(2);
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Young", new DateOnly(2026, 3, 3)), ("Idempotency-Key", "young"));
        Clock.Now += Idempotency.Window - TimeSpan.FromHours(1); // "old" is 25 hours old, "young" 23

        await Host.Services.GetRequiredService<IdempotencyPruning>().PruneAsync(TestContext.Current.CancellationToken);

        await using var session = Fixture.Store.QuerySession(Owner.Id.ToString());
        var kept = await session.Query<StoredAnswer>().Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([$"POST /api/notebooks/{id}/days young"], kept);
    }
}
