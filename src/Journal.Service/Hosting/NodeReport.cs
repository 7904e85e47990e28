using Wolverine;
using Wolverine.Runtime;

namespace Journal.Hosting;

/// <summary>What one node of a cluster is doing: <c>GET /health/node</c>, for operators (loopback or the operator token).</summary>
/// <param name="Node">Wolverine's id for this process (new at each start).</param>
/// <param name="Number">The node's number in the cluster (Wolverine's assigned node number).</param>
/// <param name="Leader">Whether this node is the one that assigns the projections to nodes.</param>
/// <param name="Projections">The async projections running on this node now ("AccountStudy:All").</param>
/// <param name="Agents">Every Wolverine agent running here, as its URI (the leader's, each projection shard's).</param>
/// <param name="Lag">Each async projection's position and distance behind the newest event, wherever it runs.</param>
public sealed record NodeReport(Guid Node, int Number, bool Leader, IReadOnlyList<string> Projections, IReadOnlyList<string> Agents, IReadOnlyList<ShardLag> Lag);

public static class NodeReports
{
    public const string Path = "/health/node";

    /// <summary>
    /// The projections among the running agents: an event subscription agent's URI ends in the shard's name and
    /// version ("…/accountstudy/all"), lower-cased; matched against the store's own shard names.
    /// </summary>
    public static IReadOnlyList<string> Projections(IEnumerable<Uri> agents, IEnumerable<string> shards)
    {
        var running = agents.Where(a => a.Scheme != "wolverine").Select(a => a.AbsolutePath.Trim('/').ToLowerInvariant()).ToList();
        return [.. shards.Where(shard => running.Any(path =>
            path.EndsWith("/" + shard.Replace(':', '/').ToLowerInvariant(), StringComparison.Ordinal)))];
    }

    public static WebApplication MapJournalNode(this WebApplication app)
    {
        app.MapGet(Path, async (IWolverineRuntime runtime, ProjectionLagReader lag, CancellationToken ct) =>
        {
            var agents = runtime.Agents.AllRunningAgentUris();
            var lags = await lag.ReadAsync(ct);
            // The leader's own agent is not among the running ones: the cluster's table of nodes says who leads.
            var me = (await runtime.Storage.Nodes.LoadAllNodesAsync(ct)).FirstOrDefault(n => n.NodeId == runtime.Options.UniqueNodeId);
            return Results.Json(new NodeReport(
                runtime.Options.UniqueNodeId,
                runtime.Options.Durability.AssignedNodeNumber,
                me?.IsLeader() ?? false,
                Projections(agents, lags.Select(l => l.Shard)),
                [.. agents.Select(a => a.ToString()).Order(StringComparer.Ordinal)],
                lags));
        }).AddEndpointFilter(async (context, next) =>
        {
            if (Telemetry.IsOperator(context.HttpContext)) return await next(context);
            await Journal.Http.Problems.WriteAsync(context.HttpContext, Telemetry.OperatorOnly(Path));
            return Results.Empty;
        }).ExcludeFromDescription();
        return app;
    }
}
