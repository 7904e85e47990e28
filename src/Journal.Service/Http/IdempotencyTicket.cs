using System.Text.Json;

namespace Journal.Http;

/// <summary>A request that carries an Idempotency-Key not seen before: its answer is stored with its events.</summary>
public sealed record IdempotencyTicket(string Id, string RequestHash)
{
    /// <summary>The answer to keep for this key, stored in the transaction that appends the request's events.</summary>
    public StoredAnswer Answered(Answer answer, long version, DateTimeOffset now) => new()
    {
        Id = Id,
        RequestHash = RequestHash,
        Status = answer.Status,
        Body = JsonSerializer.Serialize(answer.Body, answer.Body.GetType(), JsonDefaults.Http),
        Location = answer.Location,
        Version = version,
        StoredAt = now,
    };
}
