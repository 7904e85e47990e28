using System.Collections.Concurrent;
using System.Diagnostics;

namespace Journal.Bench;

/// <summary>
/// Within-notebook growth (issue 18; <c>--long-notebook</c> runs it alone): LogDay and the progress GET on notebooks
/// holding a year's entries against notebooks holding five, with the same realistic text (<see cref="Payloads.Realistic"/>),
/// on one service and one store, alternately. The growth figures of issue 7 spread their events over many short
/// notebooks and cannot see what a notebook's own length costs.
/// </summary>
internal sealed partial class BenchRun
{
    /// <summary>
    /// The entries a long notebook holds when the load reaches it, and a short one; each then takes
    /// <see cref="NotebookTakes"/> LogDays, so a long notebook holds 360 to 364 entries when a LogDay arrives and 365 after
    /// the last (a plan holds at most 366 days, and the 366th would complete it). Its dates begin 400 days ago: room for
    /// every entry up to today.
    /// </summary>
    private const int LongEntries = 360, ShortEntries = 5, NotebookTakes = 5, ShelfDaysBack = 400;

    private async Task MeasureLongNotebookAsync(CancellationToken ct)
    {
        const string database = "journal_long";
        await _cluster.CreateDatabaseAsync(database, ct);
        using var seeder = new Seeder(_cluster.ConnectionString(database));
        await seeder.SeedOwnerAsync(ct);

        // Every notebook has a reader of its own (seeded with its history in one go), so each request signs in with its notebook's token.
        var tokens = new ConcurrentDictionary<Guid, string>();
        DayTargets Shelf(int entries) => new($"{entries} entries", async (start, t) =>
        {
            var (id, token) = await seeder.SeedReaderAsync(start, entries, Payloads.Realistic, t);
            tokens[id] = token;
            return id;
        }, new NotebookShape(ShelfDaysBack, entries, NotebookTakes));
        var (small, large) = (Shelf(ShortEntries), Shelf(LongEntries));
        var (smallName, largeName) = ($"{ShortEntries} entries", $"{LongEntries}+ entries");

        // Enough notebooks on each shelf for LogDays at `rate` over a round, topped up before each round at the fastest rate seen.
        var rate = 200.0;
        var warmup = TimeSpan.FromSeconds(options.Warmup.TotalSeconds / 2);
        var seeding = Stopwatch.StartNew();
        await PrepareAsync(small, 1, rate, warmup + options.Growth, ct);
        await PrepareAsync(large, 1, rate, options.Growth, ct);
        Log($"long notebook: seeded {large.Notebooks.Count:N0} notebooks of {LongEntries} entries and {small.Notebooks.Count:N0} of {ShortEntries}, " +
            $"an account each, in {seeding.Elapsed.TotalSeconds:0.0} s");
        await _cluster.ExecuteAsync(database, "VACUUM ANALYZE", ct);

        var service = StartService("service-long", database);
        await service.WaitUntilServingAsync(Ready, TimeSpan.FromMinutes(2), ct);
        using var api = new JournalApi(service.BaseAddress);
        await CheckSeededAsync(api, large.Notebooks[0], LongEntries, tokens[large.Notebooks[0]], ct);
        await CatchUpAsync(seeder, ct);
        var cpu = _cpu with { ServicePids = [service.Pid] };

        Operation LogDays(DayTargets shelf) => async (lane, t) =>
        {
            var (id, date) = await shelf.NextAsync(lane, t);
            return await api.LogDayAsync(id, date, Payloads.Realistic(date), tokens[id], t);
        };
        var warm = await Load.ClosedLoopAsync(1, warmup, LogDays(small), ct);
        rate = Math.Max(rate, warm.PerSecond);
        Log($"long notebook warm-up: {warmup.TotalSeconds:0} s of LogDay on notebooks of {ShortEntries} entries, {warm.PerSecond:N0}/s");

        Side LogDaySide(string name, DayTargets shelf) => new(name, async () =>
            {
                var result = await Load.ClosedLoopAsync(1, options.Growth, LogDays(shelf), ct);
                rate = Math.Max(rate, result.PerSecond);
                return result;
            }, cpu,
            async () =>
            {
                await PrepareAsync(shelf, 1, rate, options.Growth, ct);
                await CatchUpAsync(seeder, ct);
            });
        var logDay = await AlternateAsync("long notebook: LogDay", [LogDaySide(smallName, small), LogDaySide(largeName, large)],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "LogDay");

        // The GET of any notebook on each shelf (each read once first, as the growth GET does): a long one holds 360 to 365 entries.
        var (smallIds, largeIds) = (small.Notebooks, large.Notebooks);
        using (var smallJson = await api.GetProgressJsonAsync(smallIds[^1], tokens[smallIds[^1]], ct))
        using (var largeJson = await api.GetProgressJsonAsync(largeIds[0], tokens[largeIds[0]], ct))
            Log($"long notebook: a progress GET answers {largeJson.RootElement.GetRawText().Length / 1024.0:N0} KB for {largeJson.RootElement.GetProperty("daysLogged")} entries, " +
                $"{smallJson.RootElement.GetRawText().Length / 1024.0:N1} KB for {smallJson.RootElement.GetProperty("daysLogged")}");
        ValueTask<bool> Read(Guid id, CancellationToken t) => api.GetProgressAsync(id, tokens[id], t);
        await WarmAsync(smallIds, Read, ct);
        await WarmAsync(largeIds, Read, ct);
        var random = new Random(11);
        Side GetSide(string name, IReadOnlyList<Guid> ids) =>
            new(name, () => Load.ClosedLoopAsync(1, options.Growth, (_, t) => Read(ids[random.Next(ids.Count)], t), ct), cpu);
        var get = await AlternateAsync("long notebook: progress GET", [GetSide(smallName, smallIds), GetSide(largeName, largeIds)],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "GET");

        // The same with a page of five cards on both shelves: what the notebook's length costs, apart from the page's size.
        ValueTask<bool> ReadPage(Guid id, CancellationToken t) => api.GetProgressAsync(id, tokens[id], t, days: ShortEntries);
        Side PageSide(string name, IReadOnlyList<Guid> ids) =>
            new(name, () => Load.ClosedLoopAsync(1, options.Growth, (_, t) => ReadPage(ids[random.Next(ids.Count)], t), ct), cpu);
        var page = await AlternateAsync($"long notebook: progress GET ?days={ShortEntries}", [PageSide(smallName, smallIds), PageSide(largeName, largeIds)],
            r => $"p50 {r.Percentile(50):0.00} ms ({r.PerSecond:N0}/s)", cpuPer: "GET");

        _notes.Add($"within a notebook: {large.Notebooks.Count:N0} notebooks seeded with {LongEntries} entries against {small.Notebooks.Count:N0} with {ShortEntries}, " +
            $"each on an account of its own, summaries of 300 characters and entries of 2,000 (varied words); each notebook takes {NotebookTakes} LogDays, " +
            $"so a LogDay finds {LongEntries}–{LongEntries + NotebookTakes - 1} entries (or {ShortEntries}–{ShortEntries + NotebookTakes - 1}); one service, alternately, single client");
        _figures.Add(Figure.AtMost($"within a notebook: LogDay p50, {LongEntries}+ entries vs {ShortEntries}+",
            logDay[1].Load.Percentile(50), logDay[0].Load.Percentile(50), "ms", 1.3));
        _figures.Add(Figure.AtMost($"within a notebook: progress GET p50, {LongEntries}+ entries vs {ShortEntries}+",
            get[1].Load.Percentile(50), get[0].Load.Percentile(50), "ms", 1.3));
        _figures.Add(Figure.Reported($"within a notebook: progress GET p50 of {ShortEntries} cards (?days={ShortEntries}), {LongEntries}+ entries vs {ShortEntries}+",
            page[1].Load.Percentile(50), page[0].Load.Percentile(50), "ms"));
        Log($"long-notebook service peak RSS {service.PeakRssBytes() / 1024.0 / 1024.0:0} MB");
        await service.StopAsync();
    }

    /// <summary>
    /// Until the service's daemon has brought the study view (an async projection) up to the seeded events: otherwise it
    /// works through them during the measurement.
    /// </summary>
    private async Task CatchUpAsync(Seeder seeder, CancellationToken ct)
    {
        var wait = Stopwatch.StartNew();
        await seeder.WaitForAsyncProjectionsAsync(TimeSpan.FromMinutes(3)).WaitAsync(ct);
        if (wait.Elapsed > TimeSpan.FromSeconds(1)) Log($"async projections caught up with the seeded events in {wait.Elapsed.TotalSeconds:0.0} s");
    }
}
