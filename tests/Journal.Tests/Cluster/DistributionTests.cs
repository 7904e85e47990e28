using System.Net.Http.Json;
using Alba;
using Journal.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace Journal.Tests.Cluster;

/// <summary>
/// Wolverine's own distribution, several hosts of the real app in this process on one database (short heartbeats): the
/// account-wide study projection runs on exactly one of them and moves to another when that one stops.
/// </summary>
[Collection(InProcessCluster.Name)]
public sealed class DistributionTests(JournalHost fixture) : InProcessNodes(fixture, 3)
{
    private static Task<bool> RunsStudy(IAlbaHost node) => Task.FromResult(node.Services.GetRequiredService<IWolverineRuntime>().Agents
        .AllRunningAgentUris().Any(uri => uri.AbsolutePath.EndsWith("/accountstudy/all", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task The_study_projection_runs_on_exactly_one_node_and_moves_when_that_node_stops()
    {
        var (owner, _) = await ClusterSupport.OneRunsAsync(Nodes, RunsStudy, TimeSpan.FromSeconds(30));
        var others = Nodes.Where(n => n != owner).ToList();

        // Written through one node, read through another: the projection's node is neither necessarily.
        using var writer = others[0].Server.CreateClient();
        await ClusterSupport.SignUpAsync(writer);
        var notebook = await ClusterSupport.StartNotebookAsync(writer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var d = 1; d <= 3; d++)
            (await writer.PostAsJsonAsync($"/api/notebooks/{notebook}/days", new LogDay($"Day {d}", today.AddDays(-40 + d), Minutes: 30), Api.Json, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var reader = others[1].Server.CreateClient();
        reader.DefaultRequestHeaders.Authorization = writer.DefaultRequestHeaders.Authorization;
        await ClusterSupport.StudyReflectsAsync(reader, 3, TimeSpan.FromSeconds(20));

        await owner.StopAsync(TestContext.Current.CancellationToken);
        var (successor, moved) = await ClusterSupport.OneRunsAsync(others, RunsStudy, TimeSpan.FromSeconds(20));
        Assert.Contains(successor, others);

        (await writer.PostAsJsonAsync($"/api/notebooks/{notebook}/days", new LogDay("Day 4", today.AddDays(-36), Minutes: 30), Api.Json, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await ClusterSupport.StudyReflectsAsync(reader, 4, TimeSpan.FromSeconds(20));
        Assert.True(moved < TimeSpan.FromSeconds(15), $"the projection moved {moved.TotalSeconds:F1} s after its node stopped");
    }
}

/// <summary>
/// Runs alone, after every parallel collection: it builds hosts through environment variables, as the suite's host does,
/// so never beside it; and once these extra hosts of the same app have stopped, the suite's host's OpenTelemetry metrics
/// went empty (/metrics with nothing but target_info), so the telemetry tests must have run before it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCluster : ICollectionFixture<JournalHost>
{
    public const string Name = "in-process cluster";
}
