namespace Journal.Http;

/// <summary>A request that carries an Idempotency-Key not seen before: its answer is stored with its events.</summary>
public sealed record IdempotencyTicket(string Id, string RequestHash);
