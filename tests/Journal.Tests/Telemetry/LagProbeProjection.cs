using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Journal.Tests.Telemetry;

/// <summary>
/// A test-only async projection (it stores nothing) that the test host registers. The node's daemon runs it like any
/// other async projection, unless a test holds it: then it waits before each page of events, so every event appended
/// puts it one further behind. That is the lag /health/ready and /metrics report.
/// </summary>
public sealed class LagProbeProjection : IProjection
{
    public const string Name = "LagProbe";

    private static TaskCompletionSource _gate = Open();

    /// <summary>Holds the projection where it is until the returned handle is disposed.</summary>
    public static IDisposable Hold()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Release();
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // A test that forgets to release its hold must not stall the daemon for the rest of the run.
        try { await _gate.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellation); }
        catch (TimeoutException) { }
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private sealed class Release : IDisposable
    {
        public void Dispose() => _gate.TrySetResult();
    }
}
