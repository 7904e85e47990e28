using System.Net;
using System.Text.Json;
using Journal.Contracts;

namespace Journal.Tests.Notebooks.History;

public sealed class HistoryTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task History_lists_every_event_in_order_with_its_metadata()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", title: "First");
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-02", new ReviseDay("Second"));
        await Host.SkippedDay(id, "2026-03-03");
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2026-03-03");
        await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2026-03-02");

        var history = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history")).Read<HistoryEntry[]>(HttpStatusCode.OK);

        Assert.Equal(["notebook_started", "day_logged", "day_revised", "day_skipped", "skip_cancelled", "day_retracted"], history.Select(h => h.Type));
        Assert.Equal([1L, 2, 3, 4, 5, 6], history.Select(h => h.Version));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence && p.First.RecordedAt <= p.Second.RecordedAt));
        Assert.Equal("First", history[1].Data.GetProperty("title").GetString());
        Assert.Equal("Second", history[2].Data.GetProperty("title").GetString());
        Assert.Equal("2026-03-02", history[5].Data.GetProperty("date").GetString());
        Assert.True(history[1].Data.GetProperty("backfilled").GetBoolean());
    }

    [Fact]
    public async Task Long_histories_are_paged_with_a_next_link()
    {
        var id = await Host.StartedNotebook();
        for (var d = 2; d <= 6; d++) await Host.LoggedDay(id, $"2026-03-0{d}");

        var first = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history?limit=4");
        var page1 = await first.Read<HistoryEntry[]>(HttpStatusCode.OK);
        var next = first.Headers.GetValues("Link").Single();
        Assert.Equal($"</api/notebooks/{id}/history?afterVersion=4&limit=4>; rel=\"next\"", next);

        var second = await Host.Send(HttpMethod.Get, next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        var page2 = await second.Read<HistoryEntry[]>(HttpStatusCode.OK);
        Assert.Equal([1L, 2, 3, 4], page1.Select(h => h.Version));
        Assert.Equal([5L, 6, 7], page2.Select(h => h.Version)); // 7: notebook_completed
        Assert.False(second.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("afterVersion=-1")]
    [InlineData("afterVersion=x")]
    public async Task Bad_paging_values_are_400s(string query)
    {
        var id = await Host.StartedNotebook();
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history?{query}")).Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
    }

    [Fact]
    public async Task Unknown_notebooks_have_no_history_or_audit()
    {
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.CreateVersion7()}/history")).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.CreateVersion7()}/audit")).Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }

    internal static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
