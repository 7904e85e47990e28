using System.Net;
using System.Text.Json;
using CsCheck;
using Journal.Contracts;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Notebooks.Progress;

/// <summary>Random command sequences: stored progress equals a fresh fold, and every version travels back to its prefix.</summary>
public sealed class ProgressPropertyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly Gen<CommandStep[]> Steps =
        Gen.Select(Gen.Enum<CommandSteps.Kind>(), Gen.Int[0, 20], Gen.Int[1, 12], (k, o, n) => new CommandStep(k, o, n)).Array[5, 30];

    [Fact]
    public async Task Stored_progress_equals_a_fresh_fold_after_any_command_sequence()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await Steps.SampleAsync(async steps =>
        {
            Clock.Now = TestClock.Default;
            var start = new DateOnly(2026, 3, 2);
            var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(8, 20, 30) });
            foreach (var step in steps) await CommandSteps.Run(Host, Clock, id, start.AddDays(step.Offset), step);

            await using var session = store.QuerySession(Owner.Id.ToString());
            var stored = await session.LoadAsync<NotebookProgress>(id);
            var folded = await session.Events.AggregateStreamAsync<NotebookProgress>(id);
            Assert.Equal(JsonSerializer.Serialize(folded), JsonSerializer.Serialize(stored));

            var read = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
            // The day cards' text the API reads from the day entries is the text the events leave.
            var texts = DayTexts.Fold(await session.Events.FetchStreamAsync(id));
            Assert.Equal(ProgressView.Build(folded!, ProgressView.Today(folded!, Clock.Now), texts), read);
            Assert.Equal(read.Days.Select((_, i) => i + 1), read.Days.Select(d => d.DayNumber));

            // Time travel at every version equals Marten's own fold of that prefix of the stream.
            for (var version = 1L; version <= read.Version; version++)
            {
                var prefix = await session.Events.AggregateStreamAsync<NotebookProgress>(id, version);
                var travelled = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?version={version}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
                var prefixTexts = DayTexts.Fold(await session.Events.FetchStreamAsync(id, version));
                Assert.Equal(ProgressView.Build(prefix!, ProgressView.Today(prefix!, Clock.Now), prefixTexts), travelled);
            }
        }, iter: 20, threads: 1);
    }
}
