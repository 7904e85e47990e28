using Journal.Accounts;
using Journal.Http.Security;
using Npgsql;

namespace Journal.Hosting;

/// <summary>
/// Listens on PostgreSQL's <see cref="AccessToken.RevokedChannel"/> for revoked tokens (the revocation's transaction notifies it, see
/// <c>AccountLookupsProjection</c>) and forgets them from this node's <see cref="TokenCache"/>. While the connection is
/// down, nothing is cached; after it comes back, everything cached before is forgotten.
/// </summary>
public sealed class TokenRevocations(TokenCache cache, IConfiguration configuration, ILogger<TokenRevocations> logger) : BackgroundService
{
    /// <summary>How long a connection may sit idle before a keepalive asks whether PostgreSQL is still there.</summary>
    private const int KeepAliveSeconds = 15;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private TimeSpan _retry = FirstRetry;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(JournalDatabase.ConnectionString(configuration))
        {
            Pooling = false, KeepAlive = KeepAliveSeconds, ApplicationName = "journal token revocations",
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the database away: tokens are looked up on every request until the channel is back
            catch (Exception e)
#pragma warning restore CA1031
            {
                cache.Listening(false);
                logger.LogWarning(e, "Not hearing token revocations; every token is looked up until this is back, retrying in {Retry}", _retry);
                await Task.Delay(_retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                _retry = TimeSpan.FromSeconds(Math.Min(_retry.TotalSeconds * 2, 30));
            }
        }
        cache.Listening(false);
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            if (Guid.TryParse(e.Payload, out var tokenId)) cache.Forget(tokenId);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {AccessToken.RevokedChannel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        cache.Listening(true);
        _retry = FirstRetry;
        while (true) await connection.WaitAsync(ct);
    }
}
