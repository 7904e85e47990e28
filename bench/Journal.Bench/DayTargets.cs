namespace Journal.Bench;

/// <summary>
/// Where a notebook's days begin and how many it takes: started <paramref name="DaysBack"/> days ago with a plan of 366
/// days, holding <paramref name="Filled"/> entries on its first dates when handed out, then taking <paramref name="Takes"/>
/// more on the dates after them.
/// </summary>
internal sealed record NotebookShape(int DaysBack, int Filled, int Takes)
{
    /// <summary>The issue-7 load's notebooks: started empty 360 days ago, 60 entries each.</summary>
    public static readonly NotebookShape Fresh = new(DayTargets.DaysBack, 0, DayTargets.DaysPerNotebook);
}

/// <summary>
/// Hands out (notebook, date) pairs for LogDay. Each lane has notebooks of its own, so concurrent clients
/// never write to the same stream, and each date is used once. A notebook starts <see cref="DaysBack"/>
/// days ago with a plan of 366 days and takes <see cref="DaysPerNotebook"/> entries, so it never completes
/// (a completion would append a second event). The fixed count per notebook keeps the progress documents
/// the same size on both sides whatever their rates: a side that logs faster would otherwise rewrite
/// bigger documents. Another <see cref="NotebookShape"/> hands out notebooks that already hold entries.
/// </summary>
internal sealed class DayTargets(string side, Func<DateOnly, CancellationToken, Task<Guid>> startNotebook, NotebookShape? shape = null)
{
    public const int DaysBack = 360;
    public const int DaysPerNotebook = 60;

    private readonly NotebookShape _shape = shape ?? NotebookShape.Fresh;
    private readonly Dictionary<int, Lane> _lanes = [];
    private readonly List<Guid> _all = [];
    private readonly List<Guid> _full = [];

    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Every notebook started so far, in order.</summary>
    public IReadOnlyList<Guid> Notebooks
    {
        get { lock (_all) return [.. _all]; }
    }

    /// <summary>The notebooks whose every date has been handed out: all the same size, once their LogDays succeeded.</summary>
    public IReadOnlyList<Guid> Full
    {
        get { lock (_full) return [.. _full]; }
    }

    /// <summary>What GETs read: the <see cref="Full"/> notebooks, or every one while none is full yet.</summary>
    public IReadOnlyList<Guid> ToRead => Full is { Count: > 0 } full ? full : Notebooks;

    /// <summary>Makes sure each of <paramref name="lanes"/> lanes can take <paramref name="entriesPerLane"/> more entries without starting a notebook.</summary>
    public async Task EnsureAsync(int lanes, int entriesPerLane, CancellationToken ct)
    {
        var work = new List<Lane>();
        for (var i = 0; i < lanes; i++)
        {
            var lane = LaneOf(i);
            var missing = entriesPerLane - Capacity(lane);
            var notebooks = missing <= 0 ? 0 : (missing + _shape.Takes - 1) / _shape.Takes;
            work.AddRange(Enumerable.Repeat(lane, notebooks));
        }
        // A few at a time: this is preparation, not load.
        foreach (var chunk in work.Chunk(8)) await Task.WhenAll(chunk.Select(lane => AddNotebookAsync(lane, ct)));
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
                    if (current.Used < _shape.Filled + _shape.Takes)
                    {
                        var date = current.Start.AddDays(current.Used++);
                        if (current.Used == _shape.Filled + _shape.Takes) lock (_full) _full.Add(current.Id);
                        return (current.Id, date);
                    }
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
        var start = TodayUtc.AddDays(-_shape.DaysBack);
        var id = await startNotebook(start, ct);
        lock (_all) _all.Add(id);
        lock (lane)
        {
            var notebook = new LaneNotebook(id, start) { Used = _shape.Filled };
            if (lane.Current is null) lane.Current = notebook;
            else lane.Ready.Enqueue(notebook);
        }
    }

    public override string ToString() => $"{side} notebooks: {Notebooks.Count}";

    /// <summary>The entries a lane can take without starting a notebook.</summary>
    private int Capacity(Lane lane)
    {
        lock (lane) return (lane.Current is null ? 0 : _shape.Filled + _shape.Takes - lane.Current.Used) + lane.Ready.Count * _shape.Takes;
    }

    private sealed class Lane
    {
        public LaneNotebook? Current { get; set; }
        public Queue<LaneNotebook> Ready { get; } = new();
    }

    private sealed class LaneNotebook(Guid id, DateOnly start)
    {
        public Guid Id { get; } = id;
        public DateOnly Start { get; } = start;
        public int Used { get; set; }
    }
}
