namespace Journal.Bench;

/// <summary>
/// Hands out (notebook, date) pairs for LogDay. Each lane has notebooks of its own, so concurrent clients
/// never write to the same stream, and each date is used once. A notebook starts <see cref="DaysBack"/>
/// days ago with a plan of 366 days and takes <see cref="DaysPerNotebook"/> entries, so it never completes
/// (a completion would append a second event). The fixed count per notebook keeps the progress documents
/// the same size on both sides whatever their rates: a side that logs faster would otherwise rewrite
/// bigger documents.
/// </summary>
internal sealed class DayTargets(string side, Func<DateOnly, CancellationToken, Task<Guid>> startNotebook)
{
    public const int DaysBack = 360;
    public const int DaysPerNotebook = 60;

    private readonly Dictionary<int, Lane> _lanes = [];
    private readonly List<Guid> _all = [];

    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Every notebook started so far, in order.</summary>
    public IReadOnlyList<Guid> Notebooks
    {
        get { lock (_all) return [.. _all]; }
    }

    /// <summary>Makes sure each of <paramref name="lanes"/> lanes can take <paramref name="entriesPerLane"/> more entries without starting a notebook.</summary>
    public async Task EnsureAsync(int lanes, int entriesPerLane, CancellationToken ct)
    {
        var work = new List<Task>();
        for (var i = 0; i < lanes; i++)
        {
            var lane = LaneOf(i);
            var missing = entriesPerLane - lane.Capacity;
            var notebooks = missing <= 0 ? 0 : (missing + DaysPerNotebook - 1) / DaysPerNotebook;
            for (var n = 0; n < notebooks; n++) work.Add(AddNotebookAsync(lane, ct));
        }
        // A few at a time: this is preparation, not load.
        foreach (var chunk in work.Chunk(8)) await Task.WhenAll(chunk);
    }

    /// <summary>The next unused date of the lane's current notebook; starts a notebook when the lane has none left.</summary>
    public async ValueTask<(Guid Notebook, DateOnly Date)> NextAsync(int laneIndex, CancellationToken ct)
    {
        var lane = LaneOf(laneIndex);
        while (true)
        {
            lock (lane)
            {
                while (lane.Current is { } current)
                {
                    if (current.Used < DaysPerNotebook)
                        return (current.Id, current.Start.AddDays(current.Used++));
                    lane.Current = lane.Ready.Count > 0 ? lane.Ready.Dequeue() : null;
                }
            }
            await AddNotebookAsync(lane, ct);
        }
    }

    private Lane LaneOf(int index)
    {
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(index, out var lane)) _lanes[index] = lane = new Lane();
            return lane;
        }
    }

    private async Task AddNotebookAsync(Lane lane, CancellationToken ct)
    {
        var start = TodayUtc.AddDays(-DaysBack);
        var id = await startNotebook(start, ct);
        lock (_all) _all.Add(id);
        lock (lane)
        {
            var notebook = new LaneNotebook(id, start);
            if (lane.Current is null) lane.Current = notebook;
            else lane.Ready.Enqueue(notebook);
        }
    }

    public override string ToString() => $"{side} notebooks: {Notebooks.Count}";

    private sealed class Lane
    {
        public LaneNotebook? Current { get; set; }
        public Queue<LaneNotebook> Ready { get; } = new();

        public int Capacity
        {
            get
            {
                lock (this) return (Current is null ? 0 : DaysPerNotebook - Current.Used) + Ready.Count * DaysPerNotebook;
            }
        }
    }

    private sealed class LaneNotebook(Guid id, DateOnly start)
    {
        public Guid Id { get; } = id;
        public DateOnly Start { get; } = start;
        public int Used { get; set; }
    }
}
