using Wolverine;

namespace Journal.Hosting;

/// <summary>
/// <c>Journal:Cluster</c>: how the nodes on one database watch each other (Wolverine's own clustering on PostgreSQL).
/// Each node writes a heartbeat every <see cref="HeartbeatSeconds"/>; one silent for <see cref="StaleAfterSeconds"/>
/// is stale, and once it is seen stale twice its asynchronous projections start on another node. With the defaults
/// a killed node's projections run elsewhere within about 15 seconds (docs/scaling.md; measured in docs/reliability.md).
/// </summary>
public sealed class ClusterOptions
{
    public int HeartbeatSeconds { get; set; } = 2;
    public int StaleAfterSeconds { get; set; } = 8;
}

public static class Cluster
{
    /// <summary>
    /// Balanced: every node takes requests, and Wolverine assigns each asynchronous projection to exactly one node,
    /// moving it when that node stops or goes silent. Inline projections need no node: they run in the command's
    /// own transaction.
    /// </summary>
    public static void Configure(DurabilitySettings durability, ClusterOptions options)
    {
        durability.Mode = DurabilityMode.Balanced;
        durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(Math.Min(1, options.HeartbeatSeconds));
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(options.StaleAfterSeconds);
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(options.HeartbeatSeconds);
    }
}
