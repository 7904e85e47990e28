using System.Net;
using Journal.Contracts;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Accounts;

/// <summary>Two people on one instance: neither can see that the other's notebooks exist, let alone change them.</summary>
public sealed class IsolationTests(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>Every notebook route, with a body where it takes one.</summary>
    public static TheoryData<string, string, string?> Routes => new()
    {
        { "GET", "/api/notebooks/{0}", null },
        { "GET", "/api/notebooks/{0}?version=1", null },
        { "GET", "/api/notebooks/{0}?asOf=2026-03-10T12:00:00Z", null },
        { "GET", "/api/notebooks/{0}?on=2026-03-03", null },
        { "GET", "/api/notebooks/{0}/history", null },
        { "GET", "/api/notebooks/{0}/audit", null },
        { "GET", "/api/notebooks/{0}/days/2026-03-02", null },
        { "POST", "/api/notebooks/{0}/days", """{"title":"Mine now","date":"2026-03-04"}""" },
        { "PUT", "/api/notebooks/{0}/days/2026-03-02", """{"title":"Rewritten"}""" },
        { "DELETE", "/api/notebooks/{0}/days/2026-03-02", null },
        { "POST", "/api/notebooks/{0}/skips", """{"date":"2026-03-05"}""" },
        { "DELETE", "/api/notebooks/{0}/skips/2026-03-03", null },
        { "PUT", "/api/notebooks/{0}/plan", """{"days":9,"spanDays":9}""" },
        { "PUT", "/api/notebooks/{0}/time-zone", """{"timeZone":"Asia/Tokyo"}""" },
        { "POST", "/api/notebooks/{0}/abandon", """{"reason":"not yours"}""" },
        { "POST", "/api/notebooks/{0}/resume", "{}" },
        { "POST", "/api/notebooks/{0}/share", "{}" },
        { "DELETE", "/api/notebooks/{0}/share", null },
    };

    private async Task<Guid> OwnersNotebook()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await Host.SkippedDay(id, "2026-03-03");
        return id;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_accounts_notebook_is_not_found_on_any_route_and_nothing_is_appended(string method, string route, string? body)
    {
        var id = await OwnersNotebook();
        var (_, token) = await Fixture.Someone();
        var before = await Host.EventRows();

        var response = await Host.SendRaw(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id), body,
            "application/json", Bearer(token));

        var problem = await response.Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        Assert.DoesNotContain("owner", problem.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Host.EventRows());
        // And for its owner it is all still there.
        var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal((3, "InProgress", "Rust ownership"), (progress.Version, progress.Status, progress.Title));
    }

    [Fact]
    public async Task The_index_lists_only_the_callers_notebooks_and_the_same_id_can_be_each_ones()
    {
        var mine = await OwnersNotebook();
        var (_, token) = await Fixture.Someone();
        var theirs = await Host.StartedNotebook(Api.RustOwnership() with { Title = "Theirs" }, Bearer(token));

        var ownerIndex = await (await Host.Send(HttpMethod.Get, "/api/notebooks")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        var theirIndex = await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);

        Assert.Equal([mine], ownerIndex.Items.Select(i => i.Id));
        Assert.Equal([theirs], theirIndex.Items.Select(i => i.Id));
        Assert.Equal((1, 1), (ownerIndex.Total, theirIndex.Total));
    }

    [Fact]
    public async Task Idempotency_keys_are_each_accounts_own()
    {
        var (_, token) = await Fixture.Someone();
        var first = await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), ("Idempotency-Key", "same-key"));
        var second = await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), ("Idempotency-Key", "same-key"), Bearer(token));

        var mine = await first.Read<NotebookStartedResponse>(HttpStatusCode.Created);
        var theirs = await second.Read<NotebookStartedResponse>(HttpStatusCode.Created);
        Assert.NotEqual(mine.Id, theirs.Id); // not the owner's stored answer replayed to someone else
    }
}
