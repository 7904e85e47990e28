using System.Net;
using System.Text.Json;
using CsCheck;
using Journal.Contracts;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Notebooks.ReadModels;

/// <summary>Random command sequences: stored progress equals a fresh fold, and every version travels back to its prefix.</summary>
public sealed class ProgressPropertyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private enum Kind { Log, Skip, Revise, Retract, CancelSkip, ChangePlan, ChangeTimeZone, Abandon, Resume, NextDay }

    private sealed record Step(Kind Kind, int Offset, int Number);

    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 20], Gen.Int[1, 12], (k, o, n) => new Step(k, o, n)).Array[5, 30];

    [Fact]
    public async Task Stored_progress_equals_a_fresh_fold_after_any_command_sequence()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await Steps.SampleAsync(async steps =>
        {
            Clock.Now = TestClock.Default;
            var start = new DateOnly(2026, 3, 2);
            var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(8, 20, 30) });
            foreach (var step in steps) await Run(id, start.AddDays(step.Offset), step);

            await using var session = store.QuerySession();
            var stored = await session.LoadAsync<NotebookProgress>(id);
            var folded = await session.Events.AggregateStreamAsync<NotebookProgress>(id);
            Assert.Equal(JsonSerializer.Serialize(folded), JsonSerializer.Serialize(stored));

            var read = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
            Assert.Equal(ProgressView.Build(folded!, ProgressView.Today(folded!, Clock.Now)), read);
            Assert.Equal(read.Days.Select((_, i) => i + 1), read.Days.Select(d => d.DayNumber));

            // Time travel at every version equals Marten's own fold of that prefix of the stream.
            for (var version = 1L; version <= read.Version; version++)
            {
                var prefix = await session.Events.AggregateStreamAsync<NotebookProgress>(id, version);
                var travelled = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?version={version}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
                Assert.Equal(ProgressView.Build(prefix!, ProgressView.Today(prefix!, Clock.Now)), travelled);
            }
        }, iter: 20, threads: 1);
    }

    private async Task Run(Guid id, DateOnly date, Step step)
    {
        var url = $"/api/notebooks/{id}";
        var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = step.Kind switch
        {
            Kind.Log => await Host.Send(HttpMethod.Post, $"{url}/days", new LogDay($"Day {iso}", date, "Summary", "Entry", step.Number * 10)),
            Kind.Skip => await Host.Send(HttpMethod.Post, $"{url}/skips", new SkipDay(date, "Rest")),
            Kind.Revise => await Host.Send(HttpMethod.Put, $"{url}/days/{iso}", new ReviseDay($"Revised {step.Number}", null, "New", step.Number)),
            Kind.Retract => await Host.Send(HttpMethod.Delete, $"{url}/days/{iso}"),
            Kind.CancelSkip => await Host.Send(HttpMethod.Delete, $"{url}/skips/{iso}"),
            Kind.ChangePlan => await Host.Send(HttpMethod.Put, $"{url}/plan", new ChangePlan(step.Number, step.Number + step.Offset)),
            Kind.ChangeTimeZone => await Host.Send(HttpMethod.Put, $"{url}/time-zone", new ChangeTimeZone(step.Number % 2 == 0 ? "Australia/Sydney" : "America/New_York")),
            Kind.Abandon => await Host.Send(HttpMethod.Post, $"{url}/abandon"),
            Kind.Resume => await Host.Send(HttpMethod.Post, $"{url}/resume"),
            _ => null,
        };
        if (step.Kind == Kind.NextDay) Clock.Now = Clock.Now.AddHours(7 * step.Number);
        // Any answer is fine (many steps are refused); a server error never is.
        Assert.True(response is null || (int)response.StatusCode < 500, response?.ToString());
    }
}
