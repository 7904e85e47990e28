using System.Diagnostics;
using JasperFx.Events;
using Journal.Contracts;
using Journal.Accounts;
using Journal.Accounts.Rules;
using Journal.Hosting;
using Journal.Http.Security;
using Microsoft.AspNetCore.Identity;
using Journal.Notebooks;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;
using Marten.Events;
using Weasel.Core;

namespace Journal.Bench;

/// <summary>
/// Fills a store with real Journal history fast: the service's own store layout (<see cref="Persistence.ConfigureMarten"/>),
/// its own event types and projection code, written with Marten's bulk APIs (COPY); and replays it.
/// </summary>
internal sealed class Seeder(string connectionString) : IDisposable
{
    private readonly DocumentStore _store = DocumentStore.For(opts => Persistence.ConfigureMarten(opts, connectionString));

    /// <summary>The account whose notebooks are seeded (its tenant), made by <see cref="SeedOwnerAsync"/>.</summary>
    private string _tenant = "";

    /// <summary>
    /// The owner account, written as the service writes one (its events, its documents projected inline), with a token
    /// the benchmark's client signs in with; the seeded notebooks are this account's.
    /// </summary>
    public async Task<string> SeedOwnerAsync(CancellationToken ct)
    {
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var id = Guid.CreateVersion7();
        var token = TokenSecrets.New();
        await using var session = _store.LightweightSession();
        session.Events.StartStream<Account>(id,
            new AccountRegistered(id, JournalApi.Email, "Bench", new PasswordHasher<Account>().HashPassword(new Account(), JournalApi.Password)),
            new TokenIssued(Guid.CreateVersion7(), "bench", Scopes.All, TokenSecrets.Hash(token)));
        await session.SaveChangesAsync(ct);
        _tenant = id.ToString();
        return token;
    }

    /// <summary>
    /// Streams of one <see cref="NotebookStarted"/> and <paramref name="eventsPerNotebook"/> - 1 <see cref="DayLogged"/>
    /// each, on consecutive dates; then the read models (progress is also the write model), folded in memory by the
    /// service's own projection code from the very events written (versions and timestamps as stored), and
    /// bulk-inserted. Replaying them must give the same documents: <see cref="SampleDocumentsAsync"/> checks.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(int notebooks, int eventsPerNotebook, Action<string> progress, CancellationToken ct)
    {
        if (_tenant.Length == 0) throw new InvalidOperationException("Seed the owner first: notebooks belong to an account.");
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
                action.AggregateType = typeof(NotebookProgress);
                var at = new DateTimeOffset(start.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero);
                for (var i = 0; i < action.Events.Count; i++)
                    action.Events[i].Timestamp = at.AddDays(Math.Max(0, i - 1)).AddMicroseconds(n); // each day's entry that evening
                actions.Add(action);
            }
            await _store.BulkInsertEventsAsync(_tenant, actions, 10_000, ct); // assigns each event its version and sequence

            var progressDocs = new List<NotebookProgress>(actions.Count);
            var entries = new List<DayEntry>(actions.Count * eventsPerNotebook);
            foreach (var action in actions)
            {
                progressDocs.Add(ProgressFold.Fold(action.Events)!);
                entries.AddRange(action.Events.OfType<IEvent<DayLogged>>().Select(DayEntryProjection.Create));
            }
            await _store.BulkInsertAsync(_tenant, progressDocs, BulkInsertMode.InsertsOnly, 1_000, ct);
            await _store.BulkInsertAsync(_tenant, entries, BulkInsertMode.InsertsOnly, 5_000, ct);

            written += actions.Sum(a => a.Events.Count);
            if (first / streamsPerBatch % 4 == 3 || first + streamsPerBatch >= notebooks)
                progress($"seeded {written:N0} events over {ids.Count:N0} notebooks, with their documents ({written / clock.Elapsed.TotalSeconds:N0} events/s)");
        }
        return ids;
    }

    /// <summary>The stored JSON of a few progress documents, to compare before and after a rebuild.</summary>
    public async Task<IReadOnlyList<string>> SampleDocumentsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var texts = new List<string>();
        await using var session = _store.QuerySession(_tenant);
        foreach (var id in ids)
        {
            texts.Add(await session.Json.FindByIdAsync<NotebookProgress>(id, ct) ?? "(missing)");
        }
        return texts;
    }

    /// <summary>
    /// Rebuilds every projection the service registers (progress, which is also the write model, and day entries) from all
    /// events, all at once as the projection daemon allows (each reads the events on its own). Stopped at
    /// <paramref name="cap"/> to keep the run bounded: the rate is then taken over the events that every
    /// projection had got through, read from Marten's progression table.
    /// </summary>
    public async Task<(TimeSpan Elapsed, long EventsThroughAll, bool Completed)> RebuildAllAsync(
        long totalEvents, TimeSpan cap, Action<string> progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(cap);
        var names = _store.Options.Projections.All.Select(p => p.Name).ToList();
        var total = Stopwatch.StartNew();
        var completed = true;
        using (var daemon = await _store.BuildProjectionDaemonAsync())
        {
            try
            {
                await Task.WhenAll(names.Select(async name =>
                {
                    await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), stop.Token);
                    progress($"rebuilt {name} after {total.Elapsed.TotalSeconds:N1} s");
                }));
            }
            catch (Exception e) when (stop.IsCancellationRequested && !ct.IsCancellationRequested && e is OperationCanceledException or TaskCanceledException or AggregateException)
            {
                completed = false;
            }
            await daemon.StopAllAsync();
        }
        var elapsed = total.Elapsed;
        ct.ThrowIfCancellationRequested();
        if (completed) return (elapsed, totalEvents, true);

        await using var session = _store.QuerySession();
        var floors = await session.AdvancedSql.QueryAsync<long>(
            $"SELECT last_seq_id FROM {Persistence.Schema}.mt_event_progression WHERE name <> 'HighWaterMark'", ct);
        var through = floors.Count == names.Count ? floors.Min() : 0;
        progress($"replay stopped at its {cap.TotalSeconds:0} s bound; every projection had got through {through:N0} of {totalEvents:N0} events");
        return (elapsed, through, false);
    }

    public void Dispose() => _store.Dispose();
}
