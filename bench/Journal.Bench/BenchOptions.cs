using System.Globalization;

namespace Journal.Bench;

/// <summary>How long and how big: the full run stays under about 15 minutes, <c>--quick</c> under about 5.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Alternations per figure: baseline, Journal, baseline, Journal…</summary>
    public int Rounds { get; init; } = 3;

    public int Clients { get; init; } = 16;
    /// <summary>
    /// Load before the first round of each kind (LogDay, then GET), on both sides: the service's tiered JIT (with
    /// dynamic PGO, .NET's default: each hot method is compiled instrumented, then again optimized) recompiles Marten,
    /// Wolverine and Npgsql code for a minute and more of load after it starts serving. Measured on 2 cores with 16
    /// clients: LogDay 643/s after 10 s of warm-up, 1,086/s after 30 s, 1,217/s after 90 s (docs/performance.md).
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Throughput { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan Latency { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan Reads { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Growth { get; init; } = TimeSpan.FromSeconds(3);
    public int ColdStarts { get; init; } = 3;

    /// <summary>The grown store: notebooks × events per notebook (1 start + the rest logged days).</summary>
    public int SeedNotebooks { get; init; } = 10_000;
    public int EventsPerNotebook { get; init; } = 100;

    /// <summary>The replay is stopped here if it has not finished; its rate is then taken over what it got through.</summary>
    public TimeSpan ReplayCap { get; init; } = TimeSpan.FromSeconds(120);

    public string? MarkdownFile { get; init; }

    /// <summary>Instead of the figures: trace the service under LogDay load (dotnet-trace) into this file, or "read" for GETs.</summary>
    public string? ProfileFile { get; init; }
    public string ProfileLoad { get; init; } = "logday";

    /// <summary>What the trace samples: "cpu" (thread stacks, ~100 Hz) or "alloc" (an allocation sample every ~100 KB, with its type and stack).</summary>
    public string ProfileKind { get; init; } = "cpu";
    public bool KeepFolder { get; init; }

    /// <summary>Only the telemetry comparison (on against off), not the figures of issue 7.</summary>
    public bool TelemetryOnly { get; init; }

    /// <summary>Only the cluster comparison: one node against three behind HAProxy (and one behind it), on the same PostgreSQL.</summary>
    public bool ClusterOnly { get; init; }

    /// <summary>Only the within-notebook growth of issue 18: notebooks of a year's entries against notebooks of five.</summary>
    public bool LongNotebookOnly { get; init; }

    /// <summary>Only the comparison with the hand-written peer (ASP.NET Core and Npgsql), beside the raw-SQL baseline.</summary>
    public bool PeerOnly { get; init; }

    /// <summary>Only the load figures against raw SQL: command throughput, single-client latency, the tail at half the peak, reads, RSS.</summary>
    public bool LoadOnly { get; init; }

    /// <summary>Only the growth figures (a store of <see cref="SeedEvents"/> events against an empty one) and the replay.</summary>
    public bool GrowthOnly { get; init; }

    /// <summary>Only the cold start, against an empty store.</summary>
    public bool ColdStartOnly { get; init; }

    /// <summary>Every figure: no mode that runs one comparison alone.</summary>
    public bool Full => ProfileFile is null && !TelemetryOnly && !ClusterOnly && !LongNotebookOnly && !PeerOnly && !ColdStartOnly && !LoadOnly && !GrowthOnly;

    public long SeedEvents => (long)SeedNotebooks * EventsPerNotebook;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with
                {
                    Quick = true, Rounds = 2, Warmup = TimeSpan.FromSeconds(2),
                    Throughput = TimeSpan.FromSeconds(2), Latency = TimeSpan.FromSeconds(2), Tail = TimeSpan.FromSeconds(2),
                    Reads = TimeSpan.FromSeconds(2), Growth = TimeSpan.FromSeconds(1.5), ColdStarts = 1,
                    SeedNotebooks = 500, ReplayCap = TimeSpan.FromSeconds(60),
                },
                "--rounds" => options with { Rounds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--markdown" => options with { MarkdownFile = Path.GetFullPath(args[++i]) },
                "--keep" => options with { KeepFolder = true },
                "--telemetry" => options with { TelemetryOnly = true },
                "--cluster" => options with { ClusterOnly = true },
                "--long-notebook" => options with { LongNotebookOnly = true },
                "--peer" => options with { PeerOnly = true },
                "--load" => options with { LoadOnly = true },
                "--growth" => options with { GrowthOnly = true },
                "--cold-start" => options with { ColdStartOnly = true },
                "--profile" => options with { ProfileFile = Path.GetFullPath(args[++i]) },
                "--profile-load" => options with { ProfileLoad = args[++i] },
                "--profile-kind" => options with { ProfileKind = args[++i] is "cpu" or "alloc" ? args[i] : throw new UsageException($"--profile-kind {args[i]}: cpu or alloc") },
                "--help" or "-h" => throw new UsageException(),
                _ => throw new UsageException($"unknown argument {args[i]}"),
            };
        }
        return options;
    }

    public const string Usage =
        "usage: dotnet run -c Release --project bench/Journal.Bench [-- [--quick] [--rounds N] [--warmup SECONDS] [--markdown FILE] [--keep] [--load | --growth | --telemetry | --cluster | --long-notebook | --peer | --cold-start] [--profile FILE.nettrace [--profile-load logday|read] [--profile-kind cpu|alloc]]]";
}

internal sealed class UsageException(string? message = null) : Exception(message ?? BenchOptions.Usage);
