using Marten;

namespace Journal.Http;

/// <summary>
/// Deletes the answers kept for Idempotency-Keys once they are older than <see cref="Idempotency.Window"/>
/// (a retry after that is a new request anyway), every hour; the first pass an hour after start, so a start
/// pays nothing for it.
/// </summary>
public sealed class IdempotencyPruning(IDocumentStore store, TimeProvider clock, ILogger<IdempotencyPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
#pragma warning disable CA1031 // a failed pass (the database down, say) is retried at the next tick; it must not stop the service
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Could not delete expired idempotency answers; retrying in {Every}", Every);
            }
        }
    }

    /// <summary>One pass: every answer stored before now minus the window is deleted.</summary>
    public async Task PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - Idempotency.Window;
        await using var session = store.LightweightSession();
        session.DeleteWhere<StoredAnswer>(answer => answer.AnyTenant() && answer.StoredAt < cutoff); // every account's
        await session.SaveChangesAsync(ct);
    }
}
