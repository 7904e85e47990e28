using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Journal.Web;

/// <summary>
/// The forms' way into the write side. Each command is decided by its API endpoint's own pure
/// <c>Decide</c>, and the decided events are appended in one transaction, under the same exclusive
/// stream lock the API endpoints take (<c>ConcurrencyStyle.Exclusive</c>), in a session enrolled in
/// Wolverine's outbox as the endpoints' sessions are. No rule lives here.
/// </summary>
public sealed class NotebookWrites(OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock)
{
    /// <summary>Starts the stream when the command is valid. A taken id throws Marten's ExistingStreamIdCollisionException.</summary>
    public async Task<Decision> Start(StartNotebook command, CancellationToken ct)
    {
        var decision = StartNotebookEndpoint.Decide(command, clock.GetUtcNow(), Guid.CreateVersion7);
        if (decision.Problem is not null) return decision;

        await using var session = sessions.OpenSession(bus);
        session.Events.StartStream<NotebookProgress>(decision.The<NotebookStarted>().NotebookId, [.. decision.Events]);
        await session.SaveChangesAsync(ct);
        return decision;
    }

    /// <param name="append">False to only hear what the command would decide (the form could not read every field).</param>
    /// <returns>The decision, or null when there is no such notebook.</returns>
    public Task<Decision?> LogDay(Guid notebookId, LogDay command, bool append, CancellationToken ct) =>
        Decide(notebookId, (notebook, now) => LogDayEndpoint.Decide(command, notebook, now), append, ct);

    /// <param name="append">False to only hear what the command would decide (the form could not read every field).</param>
    /// <returns>The decision, or null when there is no such notebook.</returns>
    public Task<Decision?> SkipDay(Guid notebookId, SkipDay command, bool append, CancellationToken ct) =>
        Decide(notebookId, (notebook, now) => SkipDayEndpoint.Decide(command, notebook, now), append, ct);

    private async Task<Decision?> Decide(Guid notebookId, Func<Notebook, DateTimeOffset, Decision> decide, bool append, CancellationToken ct)
    {
        await using var session = sessions.OpenSession(bus);
        var stream = await session.Events.FetchForExclusiveWriting<NotebookProgress>(notebookId, ct);
        if (stream.Aggregate is null) return null;

        var decision = decide(Notebook.From(stream.Aggregate), clock.GetUtcNow());
        if (append && decision.Problem is null)
        {
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(ct);
        }
        return decision;
    }
}
