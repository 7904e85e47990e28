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

    /// <summary>
    /// Applies the schema, and makes the owner account (written as the service writes one: its events, its documents
    /// projected inline) with a token the benchmark's client signs in with; seeded notebooks belong to accounts of their own.
    /// </summary>
    public async Task<string> SeedOwnerAsync(CancellationToken ct)
    {
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var (_, token) = await SeedAccountAsync(JournalApi.Email, ct);
        return token;
    }

    /// <summary>The benchmark's password, hashed once: the hash is slow on purpose, and every seeded account has the same.</summary>
    private static readonly Lazy<string> PasswordHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), JournalApi.Password));

    /// <summary>An account with a token, written as the service writes one (its events, its documents projected inline): its tenant and token.</summary>
    private async Task<(string Tenant, string Token)> SeedAccountAsync(string email, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        var account = StartAccount(session, email);
        await session.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>An account's stream (registered, one token issued) in <paramref name="session"/>: its tenant and token.</summary>
    private static (string Tenant, string Token) StartAccount(IDocumentSession session, string? email = null)
    {
        var id = Guid.CreateVersion7();
        var token = TokenSecrets.New();
        session.Events.StartStream<Account>(id,
            new AccountRegistered(id, email ?? $"reader-{id:N}@example.com", "Bench", PasswordHash.Value),
            new TokenIssued(Guid.CreateVersion7(), "bench", Scopes.All, TokenSecrets.Hash(token)));
        return (id.ToString(), token);
    }

    /// <summary>
    /// A reader of their own with one notebook started on <paramref name="start"/> holding <paramref name="days"/> entries
    /// of <paramref name="text"/>: an account per notebook, as people have, so that the account-wide study view (an async
    /// projection rolled up by account) holds one notebook's days, not every seeded notebook's. Seed the owner first (it
    /// applies the schema).
    /// </summary>
    public async Task<(Guid Notebook, string Token)> SeedReaderAsync(DateOnly start, int days, Func<DateOnly, DayText> text, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var (tenant, token) = await SeedAccountAsync($"reader-{id:N}@example.com", ct);
        await WriteAsync(tenant, [NotebookStream(id, 0, $"Seeded notebook of {days} entries", start, days, text)], ct);
        return (id, token);
    }

    /// <summary>How many notebooks a seeded account holds: a person keeps a few, not thousands.</summary>
    public const int NotebooksPerAccount = 8;

    /// <summary>
    /// <paramref name="count"/> accounts with a token each, written as the service writes them (their events, their
    /// documents projected inline), many to a session: their tenants and tokens.
    /// </summary>
    public async Task<IReadOnlyList<(string Tenant, string Token)>> SeedAccountsAsync(int count, CancellationToken ct)
    {
        var accounts = new List<(string, string)>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await using var session = _store.LightweightSession();
            accounts.AddRange(chunk.Select(_ => StartAccount(session)));
            await session.SaveChangesAsync(ct);
        }
        return accounts;
    }

    /// <summary>
    /// Streams of one <see cref="NotebookStarted"/> and <paramref name="eventsPerNotebook"/> - 1 <see cref="DayLogged"/>
    /// each, on consecutive dates, <see cref="NotebooksPerAccount"/> to an account of its own (so the account-wide study
    /// view, rolled up by account, holds what one person's does); then the read models (progress is also the write
    /// model), folded in memory by the service's own projection code from the very events written (versions and
    /// timestamps as stored), and bulk-inserted. Replaying them must give the same documents:
    /// <see cref="SampleDocumentsAsync"/> checks. Each notebook comes with its owner's token.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Notebook, string Token)>> SeedAsync(int notebooks, int eventsPerNotebook, Action<string> progress, CancellationToken ct)
    {
        var seeded = new List<(Guid, string)>(notebooks);
        var start = DayTargets.TodayUtc.AddDays(-DayTargets.DaysBack);
        var accounts = await SeedAccountsAsync((notebooks + NotebooksPerAccount - 1) / NotebooksPerAccount, ct);
        var written = 0L;
        var clock = Stopwatch.StartNew();

        for (var a = 0; a < accounts.Count; a++)
        {
            var (tenant, token) = accounts[a];
            var actions = new List<StreamAction>(NotebooksPerAccount);
            for (var n = a * NotebooksPerAccount; n < Math.Min(notebooks, (a + 1) * NotebooksPerAccount); n++)
            {
                var id = Guid.CreateVersion7();
                seeded.Add((id, token));
                _tenants[id] = tenant;
                actions.Add(NotebookStream(id, n, $"Seeded notebook {n}", start, eventsPerNotebook - 1, _ => Payloads.Standard));
            }
            await WriteAsync(tenant, actions, ct);
            written += actions.Sum(x => x.Events.Count);
            if (a % 250 == 249 || a == accounts.Count - 1)
                progress($"seeded {written:N0} events over {seeded.Count:N0} notebooks of {a + 1:N0} accounts, with their documents ({written / clock.Elapsed.TotalSeconds:N0} events/s)");
        }
        return seeded;
    }

    /// <summary>The tenant of each notebook <see cref="SeedAsync"/> wrote.</summary>
    private readonly Dictionary<Guid, string> _tenants = [];

    /// <summary>
    /// One <see cref="NotebookStarted"/> (plan: 366 days over 731, so it never completes) and <paramref name="days"/>
    /// <see cref="DayLogged"/> on consecutive dates from <paramref name="start"/>, each recorded that evening;
    /// <paramref name="n"/> tells apart the timestamps of notebooks written together.
    /// </summary>
    private StreamAction NotebookStream(Guid id, int n, string title, DateOnly start, int days, Func<DateOnly, DayText> text)
    {
        var events = new object[days + 1];
        events[0] = new NotebookStarted(id, title, "Grown store", new Plan(366, 731, 60), start, "UTC", TimeOnly.MinValue);
        for (var day = 1; day <= days; day++)
        {
            var date = start.AddDays(day - 1);
            var (summary, entry) = text(date);
            events[day] = new DayLogged(date, Payloads.Title(date), summary, entry, Payloads.Minutes,
                RecordedOn: date, Backfilled: false, SupersededSkip: false);
        }
        var action = StreamAction.Start(_store.Events, id, events);
        action.AggregateType = typeof(NotebookProgress);
        var at = new DateTimeOffset(start.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero);
        for (var i = 0; i < action.Events.Count; i++)
            action.Events[i].Timestamp = at.AddDays(Math.Max(0, i - 1)).AddMicroseconds(n); // each day's entry that evening
        return action;
    }

    /// <summary>
    /// The streams' events (bulk COPY, which assigns their versions and sequences), then their documents folded from them
    /// by the service's own projection code: progress (also the write model) and the day entries.
    /// </summary>
    private async Task WriteAsync(string tenant, List<StreamAction> actions, CancellationToken ct)
    {
        await _store.BulkInsertEventsAsync(tenant, actions, 10_000, ct);
        var progressDocs = new List<NotebookProgress>(actions.Count);
        var entries = new List<DayEntry>();
        foreach (var action in actions)
        {
            progressDocs.Add(ProgressFold.Fold(action.Events)!);
            entries.AddRange(action.Events.OfType<IEvent<DayLogged>>().Select(DayEntryProjection.Create));
        }
        await _store.BulkInsertAsync(tenant, progressDocs, BulkInsertMode.InsertsOnly, 1_000, ct);
        await _store.BulkInsertAsync(tenant, entries, BulkInsertMode.InsertsOnly, 5_000, ct);
    }

    /// <summary>Until every async projection (the study view) has caught up with the newest event, or <paramref name="timeout"/>.</summary>
    public Task WaitForAsyncProjectionsAsync(TimeSpan timeout) => _store.WaitForNonStaleProjectionDataAsync(timeout);

    /// <summary>The stored JSON of a few progress documents, to compare before and after a rebuild.</summary>
    public async Task<IReadOnlyList<string>> SampleDocumentsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var texts = new List<string>();
        foreach (var id in ids)
        {
            await using var session = _store.QuerySession(_tenants[id]);
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
