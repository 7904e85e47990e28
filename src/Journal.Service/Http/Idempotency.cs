using System.Security.Cryptography;
using System.Text.Json;
using Journal.Notebooks;
using Marten;
using Npgsql;

namespace Journal.Http;

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

    /// <returns>The answer a retry gets (the stored one, or a problem), or else the ticket of a new key (null without a key).</returns>
    public static async Task<(IResult? Earlier, IdempotencyTicket? Ticket)> CheckAsync(
        IDocumentSession session, HttpRequest request, object? command, bool lockKey, DateTimeOffset now, CancellationToken ct)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Headers.TryGetValue(Header, out var values)) return (null, null);
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return (Problems.Result(Refusals.Invalid(new Dictionary<string, string[]>
            {
                [Header] = [$"{Header} must be one value of 1 to {MaxKeyLength} visible ASCII characters, such as a UUID."],
            })), null);

        var id = $"{request.Method} {request.Path.Value} {key}"; // and the account's: answers are kept in its tenant
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, JsonDefaults.Http)));
        if (lockKey)
        {
            await session.BeginTransactionAsync(ct);
            await using var claim = new NpgsqlCommand("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))", session.Connection)
            {
                Parameters = { new() { Value = $"{session.TenantId} {id}" } },
            };
            await claim.ExecuteNonQueryAsync(ct);
        }

        var stored = await session.LoadAsync<StoredAnswer>(id, ct);
        if (stored is null || now - stored.StoredAt > Window) return (null, new IdempotencyTicket(id, hash));
        if (stored.RequestHash != hash)
            return (Results.Problem(ProblemTypes.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                "Idempotency-Key reused", $"The {Header} \"{key}\" was used for a different request to this address; use a new key.")), null);
        return (new StoredAnswerResult(stored), null);
    }

    /// <summary>Answers a retry exactly as the first request was answered.</summary>
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

/// <summary>
/// Marks a POST that honours <see cref="Idempotency.Header"/> (it goes through <see cref="NotebookCommands"/>); the
/// OpenAPI document offers the header, with its 400 and 422, on these only.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotencyKeyAttribute : Attribute;
