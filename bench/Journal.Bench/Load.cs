using System.Collections.Concurrent;
using System.Diagnostics;

namespace Journal.Bench;

/// <summary>One operation against a side (Journal or baseline): <paramref name="lane"/> picks the caller's own notebooks.</summary>
internal delegate ValueTask<bool> Operation(int lane, CancellationToken ct);

/// <summary>What one measurement saw: successes, failures, wall time, and each success's latency.</summary>
internal sealed class LoadResult
{
    private readonly List<double> _latenciesMs = [];

    public int Succeeded => _latenciesMs.Count;
    public int Failed { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    /// <summary>An open loop's p99 of how late requests left after their scheduled time, in milliseconds (the worst of combined rounds).</summary>
    public double LateMs { get; set; }

    public double PerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    /// <summary>Nearest-rank percentile in milliseconds.</summary>
    public double Percentile(double p) => NearestRank(_latenciesMs, p);

    /// <summary>The nearest-rank <paramref name="p"/>th percentile of <paramref name="values"/>; NaN for none.</summary>
    internal static double NearestRank(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Nearest-rank percentile in milliseconds with every failed request counted as slower than any success (infinite):
    /// in an open loop a request that failed, or was never sent because too many were waiting, is the tail.
    /// </summary>
    public double PercentileCountingFailures(double p)
    {
        var total = _latenciesMs.Count + Failed;
        if (total == 0) return double.NaN;
        var rank = Math.Max(1, (int)Math.Ceiling(p / 100 * total));
        return rank > _latenciesMs.Count ? double.PositiveInfinity : _latenciesMs.Order().ElementAt(rank - 1);
    }

    /// <summary>The rounds a combined result was made of (<see cref="Combine"/>); none for a single measurement.</summary>
    public IReadOnlyList<LoadResult> Rounds { get; private set; } = [];

    /// <summary>The median over <see cref="Rounds"/> of <paramref name="figure"/> (of this result when it has no rounds).</summary>
    public double MedianRound(Func<LoadResult, double> figure)
    {
        if (Rounds.Count == 0) return figure(this);
        var values = Rounds.Select(figure).Order().ToArray();
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }

    public static LoadResult Combine(IEnumerable<LoadResult> parts)
    {
        var all = new LoadResult { Rounds = [.. parts] };
        foreach (var part in all.Rounds)
        {
            all._latenciesMs.AddRange(part._latenciesMs);
            all.Failed += part.Failed;
            all.Elapsed += part.Elapsed;
            all.LateMs = Math.Max(all.LateMs, part.LateMs);
        }
        return all;
    }

    internal static LoadResult From(IEnumerable<List<double>> latencies, int failed, TimeSpan elapsed)
    {
        var result = new LoadResult { Failed = failed, Elapsed = elapsed };
        foreach (var list in latencies) result._latenciesMs.AddRange(list);
        return result;
    }
}

internal static class Load
{
    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    /// <summary>
    /// <paramref name="clients"/> callers, each starting its next operation when the last returns, until
    /// <paramref name="duration"/> has passed; the wall time runs until the last one returned.
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(int clients, TimeSpan duration, Operation operation, CancellationToken ct)
    {
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>(4096)).ToArray();
        var failed = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Client(int lane)
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                var ok = await operation(lane, ct);
                var t1 = Stopwatch.GetTimestamp();
                if (ok) latencies[lane].Add(Ms(t0, t1));
                else Interlocked.Increment(ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(Client));
        ct.ThrowIfCancellationRequested();
        return LoadResult.From(latencies, failed, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>
    /// Operations started at a fixed <paramref name="perSecond"/> whatever the answers: a slow answer never holds back the
    /// next request, so a stall shows in the latency of every request sent during it. Each request is one client's: it
    /// takes a lane (its own notebooks) that has no request in flight, as a person logs their next day after the last one
    /// was answered; <paramref name="lanes"/> are ready, more are opened while all are busy. The schedule sleeps between
    /// requests rather than spinning (a spinning loop held one of the machine's two cores), so a request may leave a
    /// timer tick after its time: latency is counted from when it left, and how late requests left is reported
    /// (<see cref="LoadResult.LateMs"/>), so a sender that fell behind cannot hide a stall.
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(double perSecond, TimeSpan duration, int lanes, Operation operation, CancellationToken ct)
    {
        const int maxInFlight = 512;
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new List<double>(total);
        var failed = 0;
        var inFlight = 0;
        var idle = new ConcurrentQueue<int>(Enumerable.Range(0, lanes));
        var opened = lanes;
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var interval = Stopwatch.Frequency / perSecond;

        var late = new List<double>(total);

        async Task One(int lane, long scheduled)
        {
            try
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await operation(lane, ct);
                var done = Stopwatch.GetTimestamp();
                lock (latencies)
                {
                    late.Add(Ms(scheduled, sent));
                    if (ok) latencies.Add(Ms(sent, done));
                    else failed++;
                }
            }
            finally
            {
                idle.Enqueue(lane);
                Interlocked.Decrement(ref inFlight);
            }
        }

        // The schedule runs on a thread of its own that sleeps between requests: a timer's continuation waits for a
        // thread-pool thread, which on a busy machine left requests 4-5 ms late at p99, in bursts.
        void Schedule()
        {
            for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
            {
                var scheduled = start + (long)(i * interval);
                var wait = Ms(Stopwatch.GetTimestamp(), scheduled);
                if (wait > 0.05) Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait))));
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    lock (latencies) failed++; // overloaded: counted as a failure, not queued without bound
                    continue;
                }
                Interlocked.Increment(ref inFlight);
                tasks.Add(One(idle.TryDequeue(out var lane) ? lane : opened++, scheduled));
            }
        }

        await Task.Factory.StartNew(Schedule, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAll(tasks);
        ct.ThrowIfCancellationRequested();
        var result = LoadResult.From([latencies], failed, Stopwatch.GetElapsedTime(start));
        result.LateMs = late.Count == 0 ? 0 : LoadResult.NearestRank(late, 99);
        return result;
    }
}
