using System.Net.Http.Headers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Journal.Contracts;

namespace Journal.Reliability;

/// <summary>One LogDay the load wants done: its Idempotency-Key is fixed, so every retry is the same request.</summary>
public sealed record Command(Guid Notebook, DateOnly Date)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Notebook:N}-{Date:yyyyMMdd}");
}

/// <summary>Every answer (or failure to get one) the load saw, for the scenario to judge by time window.</summary>
public sealed record Observation(DateTimeOffset At, TimeSpan Latency, int? Status, bool RetryAfter, string? ProblemType, string? Error);

/// <summary>How a command ended from the client's side.</summary>
public enum Outcome { Acknowledged, FoundLogged, ClaimStuck, Rejected, GaveUp }

/// <summary>
/// The client side of the load: sends LogDay with a fixed Idempotency-Key, retries what is in doubt
/// (transport errors, timeouts, 503, 5xx) and keeps a ledger of every 2xx it was given.
/// </summary>
public sealed class Driver(HttpClient client, Uri baseAddress)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public ConcurrentDictionary<Command, DayLoggedResponse> Ledger { get; } = new();
    public ConcurrentDictionary<Command, Outcome> Outcomes { get; } = new();
    public ConcurrentQueue<Observation> Observations { get; } = new();
    public ConcurrentQueue<string> Surprises { get; } = new();

    /// <summary>How long a command keeps retrying; in-doubt commands that run out are reported, not hidden.</summary>
    public TimeSpan CommandBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Makes the owner account of the fresh service and signs every request in with a token of it, as any API client does.</summary>
    public async Task SignUpAsync()
    {
        const string email = "reliability@example.com", password = "the harness's own password";
        using (var account = await client.PostAsJsonAsync(new Uri(baseAddress, "/api/accounts"), new RegisterAccount(email, password), Json))
            account.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/api/tokens")) { Content = JsonContent.Create(new CreateToken("reliability"), options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{email}:{password}")));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenCreatedResponse>(Json))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<Guid> StartNotebookAsync(string title, DateOnly startDate)
    {
        var command = new StartNotebook(title, new Plan(366, 731, 30), StartDate: startDate, TimeZone: "UTC");
        using var response = await client.PostAsJsonAsync(new Uri(baseAddress, "/api/notebooks"), command, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NotebookStartedResponse>(Json))!.Id;
    }

    public async Task<Outcome> LogAsync(Command command, CancellationToken stop)
    {
        var outcome = await RunAsync(command, stop);
        Outcomes[command] = outcome;
        return outcome;
    }

    private async Task<Outcome> RunAsync(Command command, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var inDoubt = false;
        var conflicts = 0;
        var body = new LogDay($"Day {command.Date:yyyy-MM-dd}", command.Date, "Load", "Written by the reliability harness.", 30);
        while (clock.Elapsed < CommandBudget && !stop.IsCancellationRequested)
        {
            var (status, text, problemType) = await SendAsync(command, body);
            switch (status)
            {
                case 201:
                    var acknowledged = JsonSerializer.Deserialize<DayLoggedResponse>(text!, Json)!;
                    if (!Ledger.TryAdd(command, acknowledged) && Ledger[command] != acknowledged)
                        Surprises.Enqueue($"{command.Key}: acknowledged twice, differently: {Ledger[command]} then {acknowledged}");
                    return Outcome.Acknowledged;
                case 409 when problemType == "/problems/date-already-logged":
                    if (inDoubt) return Outcome.FoundLogged; // an earlier attempt committed but its answer was lost
                    Surprises.Enqueue($"{command.Key}: logged already on the first attempt: {text}");
                    return Outcome.Rejected;
                case 409 when problemType == "/problems/concurrent-change":
                    // A claim on the key with no response recorded: the first attempt still running, or cut off by a crash.
                    if (++conflicts >= 10) return Outcome.ClaimStuck;
                    await Task.Delay(500, CancellationToken.None);
                    break;
                case >= 400 and < 500:
                    Surprises.Enqueue($"{command.Key}: {status} {text}");
                    return Outcome.Rejected;
                default: // no answer, a timeout, 503 or another 5xx: the command may or may not have been applied
                    inDoubt = true;
                    await Task.Delay(Random.Shared.Next(150, 350), CancellationToken.None);
                    break;
            }
        }
        return Outcome.GaveUp;
    }

    private async Task<(int? Status, string? Text, string? ProblemType)> SendAsync(Command command, LogDay body)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, $"/api/notebooks/{command.Notebook}/days"))
            {
                Content = JsonContent.Create(body, options: Json),
            };
            request.Headers.Add("Idempotency-Key", command.Key);
            using var response = await client.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var problemType = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? TypeOf(text) : null;
            Observations.Enqueue(new Observation(started, clock.Elapsed, status, response.Headers.RetryAfter is not null, problemType, null));
            if (status >= 500 && status != 503) Surprises.Enqueue($"{command.Key}: {status} {text}");
            return (status, text, problemType);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            var error = e is OperationCanceledException ? "timeout" : e.GetBaseException().Message;
            Observations.Enqueue(new Observation(started, clock.Elapsed, null, false, null, error));
            return (null, null, null);
        }
    }

    public async Task<(int Status, string Text)> GetAsync(string path)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        using var response = await client.GetAsync(new Uri(baseAddress, path), timeout.Token);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
    }

    private static string? TypeOf(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A client for the load: enough connections for every worker, none kept past a restart for long.</summary>
    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(3),
    });
}
