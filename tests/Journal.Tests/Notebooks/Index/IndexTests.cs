using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Notebooks.Index;

public sealed class IndexTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_index_lists_notebooks_by_most_recent_activity_with_their_figures()
    {
        var rust = await Host.StartedNotebook();
        Clock.Now = Clock.Now.AddMinutes(1);
        var algebra = await Host.StartedNotebook(new StartNotebook("Linear algebra", new Plan(10, 14, 60), StartDate: new DateOnly(2026, 3, 9)));
        Clock.Now = Clock.Now.AddMinutes(1);
        await Host.LoggedDay(rust, "2026-03-09");

        var index = await (await Host.Send(HttpMethod.Get, "/api/notebooks")).Read<NotebookIndexResponse>(HttpStatusCode.OK);

        Assert.Equal((1, 20, 2L), (index.Page, index.PageSize, index.Total));
        Assert.Equal([rust, algebra], index.Items.Select(i => i.Id));
        var first = index.Items[0];
        Assert.Equal(new NotebookIndexItem(rust, "Rust ownership", "InProgress", 1, 5, "1 / 5 days", new DateOnly(2026, 3, 2),
            new DateOnly(2026, 3, 9), first.LastActivityAt, 1), first);
        Assert.True(first.LastActivityAt > index.Items[1].LastActivityAt);
    }

    [Fact]
    public async Task The_index_filters_by_status_and_pages()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            Clock.Now = Clock.Now.AddMinutes(1);
            ids.Add(await Host.StartedNotebook(new StartNotebook($"N{i}", new Plan(1, 1), StartDate: new DateOnly(2026, 3, 10))));
        }
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{ids[1]}/abandon");
        await Host.LoggedDay(ids[2], "2026-03-10");

        var abandoned = await (await Host.Send(HttpMethod.Get, "/api/notebooks?status=abandoned")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        Assert.Equal([ids[1]], abandoned.Items.Select(i => i.Id));
        var completed = await (await Host.Send(HttpMethod.Get, "/api/notebooks?status=Completed")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        Assert.Equal([(ids[2], "Completed", "1 / 1 days")], completed.Items.Select(i => (i.Id, i.Status, i.Progress)));

        var page2 = await (await Host.Send(HttpMethod.Get, "/api/notebooks?status=InProgress&page=2&pageSize=2")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        Assert.Equal((2, 2, 3L), (page2.Page, page2.PageSize, page2.Total));
        Assert.Equal([ids[0]], page2.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("status=1", "status")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1e3", "pageSize")]
    public async Task Bad_query_values_are_400s_naming_the_parameter(string query, string field)
    {
        var problem = await (await Host.Send(HttpMethod.Get, $"/api/notebooks?{query}")).Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal([field], problem.Errors!.Keys);
    }
}
