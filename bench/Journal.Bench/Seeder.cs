using System.Diagnostics;
using JasperFx.Events;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks;
using Marten;
using Marten.Events;

namespace Journal.Bench;

/// <summary>
/// Fills a store with real Journal history fast: the service's own store layout (<see cref="Persistence.ConfigureMarten"/>),
/// its own event types, written with Marten's bulk event import (COPY). The import bypasses inline projections,
/// so the read models are then built by rebuilding every projection from the events: that rebuild is the replay figure.
/// </summary>
internal sealed class Seeder(string connectionString) : IDisposable
{
    private readonly DocumentStore _store = DocumentStore.For(opts => Persistence.ConfigureMarten(opts, connectionString));

    /// <summary>Streams of one <see cref="NotebookStarted"/> and <paramref name="eventsPerNotebook"/> - 1 <see cref="DayLogged"/> each, on consecutive dates.</summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(int notebooks, int eventsPerNotebook, Action<string> progress, CancellationToken ct)
    {
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var ids = new List<Guid>(notebooks);
        var start = DayTargets.TodayUtc.AddDays(-DayTargets.DaysBack);
        var plan = new Plan(366, 731, 60);
        const int streamsPerBatch = 500;
        var written = 0L;
        var clock = Stopwatch.StartNew();

        for (var first = 0; first < notebooks; first += streamsPerBatch)
        {
            var actions = new List<StreamAction>(streamsPerBatch);
            for (var n = first; n < Math.Min(notebooks, first + streamsPerBatch); n++)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                var events = new object[eventsPerNotebook];
                events[0] = new NotebookStarted(id, $"Seeded notebook {n}", "Grown store", plan, start, "UTC", TimeOnly.MinValue);
                for (var day = 1; day < eventsPerNotebook; day++)
                {
                    var date = start.AddDays(day - 1);
                    events[day] = new DayLogged(date, Payloads.Title(date), Payloads.Summary, Payloads.Entry, Payloads.Minutes,
                        RecordedOn: date, Backfilled: false, SupersededSkip: false);
                }
                var action = StreamAction.Start(_store.Events, id, events);
                action.AggregateType = typeof(Notebook);
                var at = new DateTimeOffset(start.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero);
                for (var i = 0; i < action.Events.Count; i++)
                    action.Events[i].Timestamp = at.AddDays(Math.Max(0, i - 1)).AddMicroseconds(n); // each day's entry that evening
                actions.Add(action);
            }
            await _store.BulkInsertEventsAsync(actions, 10_000, ct);
            written += actions.Sum(a => a.Events.Count);
            if (first / streamsPerBatch % 4 == 3 || first + streamsPerBatch >= notebooks)
                progress($"seeded {written:N0} events over {ids.Count:N0} notebooks ({written / clock.Elapsed.TotalSeconds:N0} events/s)");
        }
        return ids;
    }

    /// <summary>Rebuilds every projection the service registers (write-model snapshot, progress, day entries) from all events.</summary>
    public async Task<TimeSpan> RebuildAllAsync(Action<string> progress, CancellationToken ct)
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        var total = Stopwatch.StartNew();
        foreach (var projection in _store.Options.Projections.All)
        {
            var one = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(5), ct);
            progress($"rebuilt {projection.Name} in {one.Elapsed.TotalSeconds:N1} s");
        }
        return total.Elapsed;
    }

    public void Dispose() => _store.Dispose();
}
