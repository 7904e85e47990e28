using System.Collections.Concurrent;
using System.Text.Json;
using Journal.Contracts;
using Marten;

namespace Journal.Tests.Reliability;

/// <summary>
/// Scenario 4 of the reliability issue: a client's mistake, however malicious, is a 4xx problem details
/// answer (never a 500, never a success) and appends not one event.
/// </summary>
public sealed class HostileInputTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Every_hostile_request_is_a_4xx_problem_and_appends_nothing()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(30, 60) });
        await Host.LoggedDay(id, "2026-03-02");
        var version = (await Host.SkippedDay(id, "2026-03-03")).Version;
        var corpus = new HostileRequests(id, version, "2026-03-02", "2026-03-03").Build();
        Assert.True(corpus.Count >= 500, $"the corpus has only {corpus.Count} requests");
        var before = await Host.EventRows();

        var failures = new ConcurrentQueue<string>();
        using var client = Host.Client();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (request, ct) =>
            {
                using var message = request.ToMessage();
                try
                {
                    using var response = await client.SendAsync(message, ct);
                    if (await Verdict(response) is { } wrong) failures.Enqueue($"{request} → {wrong}");
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                {
                    failures.Enqueue($"{request} → {e.GetType().Name}: {e.Message}");
                }
            });

        var output = TestContext.Current.TestOutputHelper!;
        foreach (var group in corpus.GroupBy(r => r.Category)) output.WriteLine($"{group.Key}: {group.Count()} requests");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {corpus.Count} requests were not answered with a 4xx problem:\n{string.Join('\n', failures.Order().Take(40))}");
        var appended = await Host.EventRows() - before;
        if (appended != 0)
        {
            await using var session = Fixture.Store.QuerySession(Owner.Id.ToString());
            var events = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Take((int)appended).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Fail($"{appended} events were appended: {string.Join(", ", events.Select(e => $"{e.EventTypeName} {System.Text.Json.JsonSerializer.Serialize(e.Data)}"))}");
        }
        var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(System.Net.HttpStatusCode.OK);
        Assert.Equal(version, progress.Version);
    }

    /// <summary>Null for a 4xx application/problem+json answer whose body agrees with its status; otherwise what is wrong.</summary>
    private static async Task<string?> Verdict(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var shown = text.Length <= 200 ? text : text[..200] + "…";
        if (status is < 400 or > 499) return $"{status} {shown}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.ToString() ?? "no content type"}: {shown}";
        try
        {
            using var problem = JsonDocument.Parse(text);
            var type = problem.RootElement.GetProperty("type").GetString();
            if (type is null || !type.StartsWith("/problems/", StringComparison.Ordinal)) return $"{status} of type {type}: {shown}";
            if (problem.RootElement.GetProperty("status").GetInt32() != status) return $"{status} whose body says otherwise: {shown}";
            if (string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString())) return $"{status} without a detail: {shown}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"{status} with a body that is not a problem: {shown}";
        }
        return null;
    }
}
