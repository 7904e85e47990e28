using JasperFx;
using IEventStream = JasperFx.Events.IEventStream<Journal.Notebooks.Progress.NotebookProgress>;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;
using Marten.Exceptions;

namespace Journal.Http;

/// <summary>The notebook as a command found it, what was decided, and the stream version after its events.</summary>
public sealed record Accepted(Notebook Before, Decision Decision, long Version)
{
    public T The<T>() => Decision.The<T>();
}

/// <summary>
/// The one write path, for the API's command endpoints and the pages' forms alike: load the notebook's progress
/// under its stream lock, answer a retried Idempotency-Key, check If-Match, decide with the command's pure decider,
/// then append the events and commit them with the inline projections and the key's answer in one transaction.
/// A command endpoint names only its route, its decider and its answer.
/// </summary>
/// <remarks>
/// Each event is recorded at the very instant its decider was given as now (read once the stream lock is held, so a
/// stream's times never go back), as the database keeps it (whole microseconds): a replay of the stream through the
/// deciders at those times, as an import does, decides exactly the same events.
/// </remarks>
public sealed class NotebookCommands(IDocumentSession session, TimeProvider clock, JournalMetrics metrics)
{
    /// <summary>Starts a notebook through the API.</summary>
    public async Task<IResult> Start(HttpContext http, StartNotebook? command, Func<DateTimeOffset, Decision> decide, Func<NotebookStarted, Answer> answer)
    {
        var now = Now();
        var (earlier, ticket) = await Idempotency.CheckAsync(session, http.Request, command, lockKey: true, now, http.RequestAborted);
        if (earlier is not null) return earlier;
        var decision = JournalTracing.Decide(() => decide(now));
        if (decision.Refusal is { } refusal) return Refused(refusal);

        var started = StartStream(decision, now);
        return await CommitAsync(http, 1, answer(started), ticket, now, started.NotebookId, decision);
    }

    /// <summary>Applies a command to an existing notebook through the API.</summary>
    public async Task<IResult> Apply(HttpContext http, Guid notebookId, string? ifMatch, object? command,
        Func<Notebook, DateTimeOffset, Decision> decide, Func<Accepted, Answer> answer)
    {
        try
        {
            var stream = await session.Events.FetchForExclusiveWriting<NotebookProgress>(notebookId, http.RequestAborted);
            if (stream.Aggregate is null) return Refused(Refusals.NotebookMissing(notebookId));
            var now = Now();
            var (earlier, ticket) = await Idempotency.CheckAsync(session, http.Request, command, lockKey: false, now, http.RequestAborted);
            if (earlier is not null) return earlier;

            var (before, decision) = Decide(stream, ifMatch, decide, now);
            if (decision.Refusal is { } refusal) return Refused(refusal);
            var accepted = new Accepted(before, decision, before.Version + decision.Events.Count);
            return await CommitAsync(http, accepted.Version, answer(accepted), ticket, now, notebookId, decision);
        }
        catch (StreamLockedException e)
        {
            return ConcurrentChange(e);
        }
    }

    /// <summary>Starts a notebook from a form: the same decision and append, without Idempotency-Key (a form carries its own id).</summary>
    public async Task<Decision> Start(Func<DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var now = Now();
        var decision = JournalTracing.Decide(() => decide(now));
        if (decision.Refusal is { } refusal) return Refused(decision, refusal);
        var started = StartStream(decision, now);
        try
        {
            using (JournalTracing.Append(started.NotebookId, decision.Events.Count))
                await session.SaveChangesAsync(ct);
        }
        catch (ExistingStreamIdCollisionException)
        {
            session.EjectAllPendingChanges();
            var taken = Refusals.NotebookTaken(started.NotebookId);
            return Refused(Decision.Refuse(taken), taken);
        }
        metrics.Committed(decision.Events);
        return decision;
    }

    /// <summary>Applies a command to an existing notebook from a form; a missing notebook is refused as not found.</summary>
    public async Task<Decision> Apply(Guid notebookId, string? ifMatch, Func<Notebook, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<NotebookProgress>(notebookId, ct);
        if (stream.Aggregate is null)
        {
            var missing = Refusals.NotebookMissing(notebookId);
            return Refused(Decision.Refuse(missing), missing);
        }
        var (_, decision) = Decide(stream, ifMatch, decide, Now());
        if (decision.Refusal is { } refusal) return Refused(decision, refusal);
        using (JournalTracing.Append(notebookId, decision.Events.Count))
            await session.SaveChangesAsync(ct);
        metrics.Committed(decision.Events);
        return decision;
    }

    private static (Notebook Before, Decision Decision) Decide(IEventStream stream, string? ifMatch,
        Func<Notebook, DateTimeOffset, Decision> decide, DateTimeOffset now)
    {
        var before = Notebook.From(stream.Aggregate!);
        var decision = ETags.Stale(ifMatch, before.Version) is { } stale ? Decision.Refuse(stale) : JournalTracing.Decide(() => decide(before, now));
        if (decision.Refusal is null)
        {
            stream.AppendMany(decision.Events);
            foreach (var e in stream.Events) e.Timestamp = now;
        }
        return (before, decision);
    }

    private NotebookStarted StartStream(Decision decision, DateTimeOffset now)
    {
        var started = decision.The<NotebookStarted>();
        var action = session.Events.StartStream<NotebookProgress>(started.NotebookId, [.. decision.Events]);
        foreach (var e in action.Events) e.Timestamp = now;
        return started;
    }

    /// <summary>The instant a command is decided at and its events are recorded at, as the database keeps it.</summary>
    private DateTimeOffset Now() => EventTimes.Stored(clock.GetUtcNow());

    /// <summary>Commits the events with the key's answer, then answers with the new version as the ETag.</summary>
    private async Task<IResult> CommitAsync(HttpContext http, long version, Answer answer, IdempotencyTicket? ticket, DateTimeOffset now, Guid notebookId,
        Decision decision)
    {
        if (ticket is not null) session.Store(ticket.Answered(answer, version, now));
        try
        {
            using (JournalTracing.Append(notebookId, decision.Events.Count))
                await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (ExistingStreamIdCollisionException)
        {
            session.EjectAllPendingChanges(); // nothing of a refused request may be saved later
            return Refused(Refusals.NotebookTaken(notebookId));
        }
        catch (ConcurrencyException e)
        {
            session.EjectAllPendingChanges();
            return ConcurrentChange(e);
        }
        metrics.Committed(decision.Events);
        ETags.Write(http.Response, version);
        return answer.ToResult();
    }

    private IResult Refused(Refusal refusal)
    {
        metrics.Refused(refusal.Type, "notebook");
        return Problems.Result(refusal);
    }

    private Decision Refused(Decision decision, Refusal refusal)
    {
        metrics.Refused(refusal.Type, "notebook");
        return decision;
    }

    private IResult ConcurrentChange(Exception e)
    {
        var problem = Problems.ConcurrentChange(e);
        metrics.Refused(problem.Type!, "notebook");
        return Results.Problem(problem);
    }
}
