using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Journal.Bench;

/// <summary>
/// The service's HTTP API as the benchmark calls it (the hand-written peer, bench/Journal.Bench.Peer, answers the same):
/// keep-alive connections on loopback, no proxy.
/// </summary>
internal sealed class JournalApi : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public JournalApi(Uri baseAddress)
    {
        _http = new HttpClient(NewHandler()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Targets = new DayTargets("Journal", StartNotebookAsync);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public const string Email = "bench@example.com";
    public const string Password = "the benchmark's own password";

    /// <summary>Signs every request in with this personal access token, as any API client does.</summary>
    public void UseToken(string token)
    {
        Token = token;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The token in use: another client of the same database (through a proxy, say) can sign in with it.</summary>
    public string? Token { get; private set; }

    /// <summary>Makes the owner account of a fresh service (POST /api/accounts), then a token with email and password, and uses it.</summary>
    public async Task SignUpAsync(CancellationToken ct)
    {
        using (var account = await PostAsync("/api/accounts", JsonSerializer.SerializeToUtf8Bytes(new { email = Email, password = Password }), ct))
            if (account.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"POST /api/accounts answered {(int)account.StatusCode}: {await account.Content.ReadAsStringAsync(ct)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = new ByteArrayContent("""{"name":"bench"}"""u8.ToArray()) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Email}:{Password}")));
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"POST /api/tokens answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        UseToken(json.RootElement.GetProperty("token").GetString()!);
    }

    /// <summary>Notebooks started through this API, by lane, for LogDay.</summary>
    public DayTargets Targets { get; }

    public static SocketsHttpHandler NewHandler() => new()
    {
        UseProxy = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// From now on each <see cref="Seeder.NotebooksPerAccount"/> notebooks started go to an account of their own, made by
    /// <paramref name="seeder"/> in the service's database, and every request about a notebook signs in with its
    /// account's token: people keep a few notebooks each, and the account-wide study view is rolled up per account.
    /// </summary>
    public void SpreadOverAccounts(Seeder seeder) => _accounts = seeder;

    /// <summary>Makes the accounts notebooks are spread over, if any (<see cref="SpreadOverAccounts"/>).</summary>
    private Seeder? _accounts;
    private readonly SemaphoreSlim _accountGate = new(1, 1);
    private (string Token, int Notebooks)? _account;

    /// <summary>The token of each notebook's account, where it is not the one <see cref="UseToken"/> set.</summary>
    private readonly ConcurrentDictionary<Guid, string> _tokens = new();

    /// <summary>Requests about <paramref name="notebook"/> sign in with <paramref name="token"/> (its account's).</summary>
    public void Know(Guid notebook, string token) => _tokens[notebook] = token;

    /// <summary>The token given, else that of the notebook's account if known, else the default one (null).</summary>
    private string? TokenFor(Guid notebook, string? token) => token ?? _tokens.GetValueOrDefault(notebook);

    private async Task<string?> NextAccountTokenAsync(CancellationToken ct)
    {
        if (_accounts is null) return null;
        await _accountGate.WaitAsync(ct);
        try
        {
            if (_account is not { Notebooks: < Seeder.NotebooksPerAccount } account)
                account = ((await _accounts.SeedAccountsAsync(1, ct))[0].Token, 0);
            _account = account with { Notebooks = account.Notebooks + 1 };
            return account.Token;
        }
        finally
        {
            _accountGate.Release();
        }
    }

    public async Task<Guid> StartNotebookAsync(DateOnly startDate, CancellationToken ct)
    {
        var token = await NextAccountTokenAsync(ct);
        using var response = await PostAsync("/api/notebooks", Payloads.StartNotebook(startDate), token, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/notebooks answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("id").GetGuid();
        if (token is not null) Know(id, token);
        return id;
    }

    /// <summary>LogDay on the lane's next notebook and date; true on 201.</summary>
    public async ValueTask<bool> LogDayAsync(int lane, CancellationToken ct)
    {
        var (notebook, date) = await Targets.NextAsync(lane, ct);
        return await LogDayAsync(notebook, date, ct);
    }

    public ValueTask<bool> LogDayAsync(Guid notebook, DateOnly date, CancellationToken ct) => LogDayAsync(notebook, date, Payloads.Standard, null, ct);

    /// <summary>LogDay with <paramref name="text"/>, signed in with <paramref name="token"/> (another account's) when given.</summary>
    public async ValueTask<bool> LogDayAsync(Guid notebook, DateOnly date, DayText text, string? token, CancellationToken ct)
    {
        try
        {
            using var response = await PostAsync($"/api/notebooks/{notebook}/days", Payloads.LogDay(date, text), TokenFor(notebook, token), ct);
            return await Drained(response, HttpStatusCode.Created, ct);
        }
        catch (HttpRequestException e)
        {
            return Failed(e);
        }
    }

    public ValueTask<bool> GetProgressAsync(Guid notebook, CancellationToken ct) => GetProgressAsync(notebook, null, ct);

    /// <summary>
    /// The progress GET, signed in with <paramref name="token"/> (another account's) when given; <paramref name="days"/>
    /// day cards when given, else the default page.
    /// </summary>
    public async ValueTask<bool> GetProgressAsync(Guid notebook, string? token, CancellationToken ct, int? days = null)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, days is null ? $"/api/notebooks/{notebook}" : $"/api/notebooks/{notebook}?days={days}");
            SignIn(request, TokenFor(notebook, token));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            return await Drained(response, HttpStatusCode.OK, ct);
        }
        catch (HttpRequestException e)
        {
            return Failed(e);
        }
    }

    /// <summary>A failed exchange counts as a failed request; the run checks after each measurement that the service still lives.</summary>
    private static bool Failed(HttpRequestException e)
    {
        if (Interlocked.Increment(ref _reported) <= 5) Console.WriteLine($"           ! {e.Message}");
        return false;
    }

    public Task<JsonDocument> GetProgressJsonAsync(Guid notebook, CancellationToken ct) => GetProgressJsonAsync(notebook, null, ct);

    public async Task<JsonDocument> GetProgressJsonAsync(Guid notebook, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notebooks/{notebook}");
        SignIn(request, TokenFor(notebook, token));
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, CancellationToken ct) => PostAsync(path, body, null, ct);

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        SignIn(request, token);
        return await _http.SendAsync(request, ct);
    }

    /// <summary>Another account's token for this request, in place of the one <see cref="UseToken"/> set.</summary>
    private static void SignIn(HttpRequestMessage request, string? token)
    {
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static int _reported;

    private static async ValueTask<bool> Drained(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode == expected) return true;
        // The first few failures are shown: a benchmark that measures errors must say so.
        if (Interlocked.Increment(ref _reported) <= 5)
            Console.WriteLine($"           ! {(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.AbsolutePath}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}");
        return false;
    }

    public void Dispose()
    {
        _http.Dispose();
        _accountGate.Dispose();
    }
}
