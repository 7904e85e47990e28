using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Journal.Tests.Telemetry;

/// <summary>
/// A test-only async projection (it stores nothing): the test host registers it, and no daemon runs it unless a test
/// starts one, so every event appended puts it one further behind. That is the lag /health/ready and /metrics report.
/// </summary>
public sealed class LagProbeProjection : IProjection
{
    public const string Name = "LagProbe";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation) => Task.CompletedTask;
}
