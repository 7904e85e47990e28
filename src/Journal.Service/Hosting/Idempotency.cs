using System.Security.Cryptography;
using System.Text.Json;
using Journal.Notebooks;
using Marten;
using Npgsql;
using Wolverine.Marten;

namespace Journal.Hosting;

/// <summary>The first answer to a request sent with an Idempotency-Key, kept to answer its retries.</summary>
public sealed class StoredAnswer
{
    /// <summary>Method, path and key: a key is scoped to one endpoint and one notebook.</summary>
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int Status { get; set; }
    public string Body { get; set; } = "";
    public string? Location { get; set; }
    public long Version { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>A request that carries an Idempotency-Key not seen before: its answer is stored with its events.</summary>
public sealed record IdempotencyTicket(string Id, string RequestHash);

/// <summary>
/// Idempotency-Key on POSTs. The check runs while the request holds the notebook's stream lock (or, to
/// start a notebook, a transaction-scoped advisory lock on the key), and the answer is stored in the same
/// transaction as the events: a retry, even one racing the first request, waits for it and gets its
/// answer; nothing is appended twice. The same key with a different body is a 422.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static async Task<(Decision? Answer, IdempotencyTicket? Ticket)> CheckAsync(
        IDocumentSession session, HttpRequest request, object? command, bool lockKey, DateTimeOffset now, CancellationToken ct)
    {
        if (!request.Headers.TryGetValue(Header, out var values)) return (null, null);
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return (Decision.Reject(ProblemTypes.Validation(new Dictionary<string, string[]>
            {
                [Header] = [$"{Header} must be one value of 1 to {MaxKeyLength} visible ASCII characters, such as a UUID."],
            })), null);

        var id = $"{request.Method} {request.Path.Value} {key}";
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, JsonDefaults.Http)));
        if (lockKey)
        {
            await session.BeginTransactionAsync(ct);
            await using var claim = new NpgsqlCommand("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))", session.Connection)
            {
                Parameters = { new() { Value = id } },
            };
            await claim.ExecuteNonQueryAsync(ct);
        }

        var stored = await session.LoadAsync<StoredAnswer>(id, ct);
        if (stored is null || now - stored.StoredAt > Window) return (null, new IdempotencyTicket(id, hash));
        if (stored.RequestHash != hash)
            return (Decision.Reject(ProblemTypes.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                "Idempotency-Key reused", $"The {Header} \"{key}\" was used for a different request to this address; use a new key.")), null);
        return (Decision.Replay(stored), null);
    }

    /// <summary>Decides a command once per Idempotency-Key: a retry gets the stored answer instead.</summary>
    public static async Task<Decision> DecideOnceAsync(
        IDocumentSession session, HttpRequest request, object? command, DateTimeOffset now, bool lockKey, Func<Decision> decide, CancellationToken ct)
    {
        var (answer, ticket) = await CheckAsync(session, request, command, lockKey, now, ct);
        return answer ?? decide() with { Ticket = ticket };
    }

    /// <summary>The operation that stores this request's answer, in the transaction that appends its events.</summary>
    public static IMartenOp Remember(IdempotencyTicket? ticket, int status, object body, string? location, long version, DateTimeOffset now) =>
        ticket is null
            ? MartenOps.Nothing()
            : MartenOps.Store(new StoredAnswer
            {
                Id = ticket.Id,
                RequestHash = ticket.RequestHash,
                Status = status,
                Body = JsonSerializer.Serialize(body, body.GetType(), JsonDefaults.Http),
                Location = location,
                Version = version,
                StoredAt = now,
            });

    /// <summary>Answers a retry exactly as the first request was answered.</summary>
    public static IResult Answer(StoredAnswer stored) => new StoredAnswerResult(stored);

    private sealed class StoredAnswerResult(StoredAnswer stored) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = stored.Status;
            context.Response.Headers.ETag = ETags.Of(stored.Version);
            if (stored.Location is not null) context.Response.Headers.Location = stored.Location;
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(stored.Body, context.RequestAborted);
        }
    }
}
