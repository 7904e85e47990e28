using System.Diagnostics.Metrics;
using System.Globalization;
using JasperFx.Events.Projections;
using Journal.Http;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Journal.Hosting;

/// <summary><c>Journal:Health</c>: what <c>/health/ready</c> tolerates.</summary>
public sealed class HealthOptions
{
    /// <summary>
    /// An async projection further behind the newest event than this (in events) makes <c>/health/ready</c> Degraded
    /// (still 200: the node serves, its eventually consistent views are stale). 5,000 is about 7 seconds of this
    /// machine's measured peak write rate and hours of ordinary use; a running daemon replays ~14,000 events a second,
    /// so it stays far below it (docs/operations.md).
    /// </summary>
    public long MaxProjectionLag { get; set; } = 5_000;
}

/// <summary>How far one async projection shard is behind the newest event.</summary>
public sealed record ShardLag(string Shard, long Sequence, long Behind);

/// <summary>The pure rules: each async shard's position against the store's newest event, and when that is too far.</summary>
public static class ProjectionLagRules
{
    /// <summary>
    /// Each shard's position is its progress row (or the lowest of its per-tenant rows, "Shard:All:tenant"); a shard
    /// that has no row yet has processed nothing.
    /// </summary>
    public static IReadOnlyList<ShardLag> Measure(IEnumerable<string> asyncShards, IEnumerable<(string Name, long Sequence)> progress, long newest)
    {
        var rows = progress.ToList();
        return asyncShards.Select(shard =>
        {
            var own = rows.Where(r => r.Name == shard || r.Name.StartsWith(shard + ":", StringComparison.Ordinal)).Select(r => r.Sequence).ToList();
            var sequence = own.Count == 0 ? 0 : own.Min();
            return new ShardLag(shard, sequence, Math.Max(0, newest - sequence));
        }).ToList();
    }

    /// <summary>Healthy with no async projections or all within <paramref name="maxLag"/>; Degraded when one is further behind.</summary>
    public static HealthCheckResult Assess(IReadOnlyList<ShardLag> lags, long maxLag)
    {
        var data = lags.ToDictionary(l => l.Shard, l => (object)l.Behind);
        if (lags.Count == 0) return HealthCheckResult.Healthy("no async projections", data);
        var behind = lags.Where(l => l.Behind > maxLag).ToList();
        return behind.Count == 0
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"every async projection within {maxLag} events"), data)
            : HealthCheckResult.Degraded(string.Join("; ", behind.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.Shard} is {l.Behind} events behind (more than {maxLag})"))), data: data);
    }
}

/// <summary>
/// Reads each async projection's progress (Marten's <c>mt_event_progression</c>) and the newest event's sequence from
/// the database: for <c>/health/ready</c> and the <c>journal.projection.*</c> gauges of <c>/metrics</c>. Inline
/// projections commit with their events and cannot lag; with no async projection nothing is read.
/// </summary>
public sealed class ProjectionLagReader
{
    private readonly IDocumentStore _store;
    private readonly string[] _shards;

    public ProjectionLagReader(IDocumentStore store, IMeterFactory meters)
    {
        _store = store;
        _shards = store.Options is StoreOptions options ? [.. options.Projections.AllShards().Select(s => s.Name.Identity)] : [];
        var meter = meters.Create(JournalMetrics.MeterName);
        meter.CreateObservableGauge("journal.projection.lag", () => Observe(l => l.Behind), "{event}",
            "Events appended that an async projection has not processed yet");
        meter.CreateObservableGauge("journal.projection.sequence", () => Observe(l => l.Sequence), "{event}",
            "The last event sequence an async projection has processed");
    }

    public async Task<IReadOnlyList<ShardLag>> ReadAsync(CancellationToken ct)
    {
        if (_shards.Length == 0) return [];
        var newest = await _store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        var progress = await _store.Advanced.AllProjectionProgress(token: ct);
        return ProjectionLagRules.Measure(_shards, progress.Select(p => (p.ShardName, p.Sequence)), newest);
    }

    /// <summary>Gauges are read on a scrape, synchronously: a short read, bounded; nothing when the database does not answer.</summary>
    private List<Measurement<long>> Observe(Func<ShardLag, long> value)
    {
        if (_shards.Length == 0) return [];
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            return ReadAsync(timeout.Token).GetAwaiter().GetResult()
                .Select(l => new Measurement<long>(value(l), new KeyValuePair<string, object?>("journal.projection", l.Shard)))
                .ToList();
        }
#pragma warning disable CA1031 // a scrape must not fail because the database is away: /health/ready says that
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }
}

/// <summary>Part of <c>/health/ready</c>: Degraded when an async projection is more than <c>Journal:Health:MaxProjectionLag</c> events behind.</summary>
public sealed class ProjectionLagCheck(ProjectionLagReader reader, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "projections";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ProjectionLagRules.Assess(await reader.ReadAsync(cancellationToken), options.Value.MaxProjectionLag);
}
