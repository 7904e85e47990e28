using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Journal.Hosting;

/// <summary>
/// <c>Journal:Cluster</c>: how the nodes on one database watch each other (Wolverine's own clustering on PostgreSQL).
/// Each node writes a heartbeat every <see cref="HeartbeatSeconds"/>; one silent for <see cref="StaleAfterSeconds"/>
/// is stale, and its asynchronous projections start on another node at the leader's next assignment check. With the
/// defaults (1 s and 6 s) a killed node's projections run elsewhere 6–11 s later, inside the 15 s promised
/// (docs/scaling.md; measured in docs/reliability.md). Heartbeats cost one small UPDATE a second per node.
/// </summary>
public sealed class ClusterOptions
{
    public int HeartbeatSeconds { get; set; } = 1;
    public int StaleAfterSeconds { get; set; } = 6;

    /// <summary>
    /// How long a stopping node keeps serving while <c>/health/ready</c> already answers 503, so that a load balancer
    /// checking it takes the node out of rotation before it closes its listener. 0 (the default) for a single node;
    /// deploy/cluster sets 3 (HAProxy checks every second).
    /// </summary>
    public int DrainSeconds { get; set; }

    /// <summary>
    /// False for the service's commands (audit, backup, export-account…): a command run beside running nodes must not
    /// join their cluster and take a projection for the seconds it runs. Program.cs sets it.
    /// </summary>
    public bool Join { get; set; } = true;
}

public static class Cluster
{
    /// <summary>
    /// Balanced: every node takes requests, and Wolverine assigns each asynchronous projection to exactly one node,
    /// moving it when that node stops or goes silent. Inline projections need no node: they run in the command's
    /// own transaction. A command's process joins nothing (MediatorOnly: no agents, no heartbeat).
    /// </summary>
    public static void Configure(DurabilitySettings durability, ClusterOptions options)
    {
        durability.Mode = options.Join ? DurabilityMode.Balanced : DurabilityMode.MediatorOnly;
        durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(Math.Min(1, options.HeartbeatSeconds));
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(options.StaleAfterSeconds);
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        // Wolverine hands a departed node's agents on from a timer of its own (5 s by default), not at the health check:
        // the same cadence as the checks brought a killed node's projection back 2–4 s sooner (docs/scaling.md).
        durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(options.HeartbeatSeconds);
    }

    public static WebApplicationBuilder AddJournalCluster(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ClusterOptions>(builder.Configuration.GetSection("Journal:Cluster"));
        builder.Services.AddSingleton<Drain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Drain>());
        builder.Services.AddHealthChecks().AddCheck<Drain>(Drain.Name, tags: ["ready"]);
        return builder;
    }
}

/// <summary>
/// Graceful shutdown behind a load balancer: once the host begins to stop, <c>/health/ready</c> answers 503 at once and
/// the node keeps serving for <see cref="ClusterOptions.DrainSeconds"/> before the listener closes.
/// </summary>
public sealed class Drain(IOptions<ClusterOptions> options, ILogger<Drain> logger) : IHostedLifecycleService, IHealthCheck
{
    public const string Name = "draining";
    private volatile bool _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("stopping: draining before the listener closes") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (options.Value.DrainSeconds <= 0) return;
        logger.LogInformation("Stopping: /health/ready answers 503; serving for {Seconds} s more while the load balancer drains this node", options.Value.DrainSeconds);
        try { await Task.Delay(TimeSpan.FromSeconds(options.Value.DrainSeconds), cancellationToken); }
        catch (OperationCanceledException) { } // the host's shutdown timeout ran out: stop now
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
