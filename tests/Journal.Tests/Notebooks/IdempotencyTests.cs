using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Notebooks;

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
}
