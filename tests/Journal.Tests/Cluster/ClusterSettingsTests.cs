using Journal.Hosting;
using Wolverine;

namespace Journal.Tests.Cluster;

/// <summary>How Journal:Cluster becomes Wolverine's durability settings (the timings behind docs/scaling.md's failover figures).</summary>
public class ClusterSettingsTests
{
    [Fact]
    public void A_node_checks_reassigns_and_beats_at_the_heartbeat_and_calls_a_silent_node_stale_after_the_given_seconds()
    {
        var durability = new DurabilitySettings();

        Journal.Hosting.Cluster.Configure(durability, new ClusterOptions { HeartbeatSeconds = 2, StaleAfterSeconds = 9 });

        Assert.Equal(DurabilityMode.Balanced, durability.Mode);
        Assert.Equal(TimeSpan.FromSeconds(2), durability.HealthCheckPollingTime);
        Assert.Equal(TimeSpan.FromSeconds(2), durability.CheckAssignmentPeriod);
        // Wolverine's default is 5 s: a departed node's projections waited for it after the node was found stale.
        Assert.Equal(TimeSpan.FromSeconds(2), durability.NodeReassignmentPollingTime);
        Assert.Equal(TimeSpan.FromSeconds(9), durability.StaleNodeTimeout);
    }

    [Fact]
    public void A_command_run_beside_the_nodes_joins_nothing()
    {
        var durability = new DurabilitySettings();

        Journal.Hosting.Cluster.Configure(durability, new ClusterOptions { Join = false });

        Assert.Equal(DurabilityMode.MediatorOnly, durability.Mode);
    }
}
