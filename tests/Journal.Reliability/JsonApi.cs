using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Journal.Contracts;

namespace Journal.Reliability;

/// <summary>An answer of the service: status, body and headers.</summary>
public sealed record Reply(int Status, string Text, HttpResponseHeaders Headers, string? MediaType)
{
    public JsonNode Json => JsonNode.Parse(Text)!;
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>Plain JSON calls, as curl would send them; with a bearer token once there is an account (v0.2.0 had none and ignores it).</summary>
public sealed class JsonApi(HttpClient client, Uri baseAddress)
{
    private int _sent;
    private int _serverErrors;

    public string? Token { get; set; }
    public int Sent => _sent;
    /// <summary>5xx answers other than 503.</summary>
    public int ServerErrors => _serverErrors;

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, string? idempotencyKey = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Driver.Json);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        else if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var timeout = new CancellationTokenSource(Driver.RequestTimeout);
        Interlocked.Increment(ref _sent);
        using var response = await client.SendAsync(request, timeout.Token);
        if ((int)response.StatusCode >= 500 && (int)response.StatusCode != 503) Interlocked.Increment(ref _serverErrors);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token), response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<Reply> ExpectAsync(int status, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        var reply = await SendAsync(method, path, body, idempotencyKey);
        if (reply.Status != status) throw new InvalidOperationException($"{method} {path}: expected {status}, got {reply.Status}: {reply.Text}");
        return reply;
    }

    /// <summary>Registers an account (the first is the owner's) and signs every later call in with a token of it.</summary>
    public async Task SignUpAsync(string email, string password)
    {
        await ExpectAsync(201, HttpMethod.Post, "/api/accounts", new RegisterAccount(email, password));
        Token = (await TokenAsync(email, password)).Token;
    }

    public async Task<TokenCreatedResponse> TokenAsync(string email, string password)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}"));
        var reply = await SendAsync(HttpMethod.Post, "/api/tokens", new CreateToken("reliability"), authorization: basic);
        if (reply.Status != 201) throw new InvalidOperationException($"POST /api/tokens: {reply.Status} {reply.Text}");
        return System.Text.Json.JsonSerializer.Deserialize<TokenCreatedResponse>(reply.Text, Driver.Json)!;
    }
}
