using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Journal.Bench.Peer;

/// <summary>Accounts and personal access tokens, just enough to sign every request in as Journal's clients do.</summary>
public static class Accounts
{
    public const string ReadScope = "notebooks:read";
    public const string WriteScope = "notebooks:write";

    public sealed record SignUp(string Email, string Password);

    public sealed record TokenRequest(string? Name);

    public static async Task<IResult> SignUpAsync(SignUp body, NpgsqlDataSource data, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var salt = RandomNumberGenerator.GetBytes(16);
        await using var command = data.CreateCommand(
            "INSERT INTO peer.accounts (id, email, password_hash, salt) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = body.Email.Trim().ToLowerInvariant() });
        command.Parameters.Add(new() { Value = PasswordHash(body.Password, salt) });
        command.Parameters.Add(new() { Value = salt });
        return await command.ExecuteNonQueryAsync(http.RequestAborted) == 1
            ? Results.Created($"/api/accounts/{id}", new { id })
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The email is taken");
    }

    /// <summary>A token for the account named by Basic credentials; only its SHA-256 is kept.</summary>
    public static async Task<IResult> IssueTokenAsync(TokenRequest? body, NpgsqlDataSource data, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header) || header.Scheme != "Basic" || header.Parameter is null)
            return Results.Unauthorized();
        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        if (credentials.Length != 2) return Results.Unauthorized();

        await using var connection = await data.OpenConnectionAsync(ct);
        Guid account;
        await using (var find = new NpgsqlCommand("SELECT id, password_hash, salt FROM peer.accounts WHERE email = $1", connection))
        {
            find.Parameters.Add(new() { Value = credentials[0].Trim().ToLowerInvariant() });
            await using var reader = await find.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return Results.Unauthorized();
            account = reader.GetGuid(0);
            var (stored, salt) = (reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2));
            if (!CryptographicOperations.FixedTimeEquals(stored, PasswordHash(credentials[1], salt))) return Results.Unauthorized();
        }
        var token = "pr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var name = body?.Name ?? "token";
        await using var insert = new NpgsqlCommand("INSERT INTO peer.tokens (hash, account_id, name, scopes) VALUES ($1, $2, $3, $4)", connection);
        insert.Parameters.Add(new() { Value = TokenHash(token) });
        insert.Parameters.Add(new() { Value = account });
        insert.Parameters.Add(new() { Value = name });
        insert.Parameters.Add(new() { Value = new[] { ReadScope, WriteScope }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(ct);
        return Results.Created("/api/tokens", new { name, token });
    }

    /// <summary>
    /// The account a request acts for, checked as a team would write it first: the bearer token's SHA-256 looked up in
    /// <c>peer.tokens</c> by primary key on every request (one round trip on a pooled connection of its own, no cache,
    /// so that a revocation holds from the very next request; Journal instead caches tokens on each node and forgets
    /// revoked ones through LISTEN/NOTIFY), not revoked, and holding
    /// <paramref name="scope"/>. Null when any of that fails (the endpoint answers 401).
    /// </summary>
    public static async Task<Guid?> AuthenticateAsync(HttpContext http, NpgsqlDataSource data, string scope)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.Ordinal) || authorization.Length > 200) return null;
        await using var command = data.CreateCommand("SELECT account_id, scopes FROM peer.tokens WHERE hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = TokenHash(authorization[bearer.Length..]) });
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted)) return null;
        return reader.GetFieldValue<string[]>(1).Contains(scope) ? reader.GetGuid(0) : null;
    }

    private static byte[] TokenHash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static byte[] PasswordHash(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA256, 32);
}
