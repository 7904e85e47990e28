using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Journal.Contracts;

namespace Journal.Cli;

/// <summary>
/// The HTTP API, as <c>journal</c> uses it: a bearer token on every request, JSON both ways, a request that is safe to
/// repeat (a read, or a write carrying its Idempotency-Key) sent again when the connection drops or the service asks to
/// wait (503, 429), and every refusal turned into one line with its exit code.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public const int MaxRetries = 3;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly string Version =
        typeof(ApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly HttpClient _http;
    private readonly CliContext _context;

    public ApiClient(CliContext context, string url, string? token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new CliException(ExitCodes.Usage, $"{url} is not an http:// or https:// address of a Journal service.");
        _context = context;
        BaseAddress = address;
        _http = new HttpClient(context.Handler(), disposeHandler: true) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("journal-cli", Version));
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseAddress { get; }

    /// <summary>A client with the stored sign-in (or JOURNAL_URL and JOURNAL_TOKEN).</summary>
    public static ApiClient SignedIn(CliContext context)
    {
        var current = CliConfig.Current(context)
            ?? throw new CliException(ExitCodes.Unauthorized, "not signed in: run `journal login` first (or set JOURNAL_TOKEN).");
        return new ApiClient(context, current.Url, current.Token);
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), repeatable: true, ct);
        return await Read<T>(response, ct);
    }

    /// <summary>The body as the service sent it (for --json), and read.</summary>
    public async Task<(T Value, string Raw)> GetRawAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), repeatable: true, ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        return (Deserialize<T>(raw), raw);
    }

    /// <summary>A POST of JSON with a new Idempotency-Key, the same on every retry: a retry gets the first answer and changes nothing more.</summary>
    public async Task<(T Value, string Raw)> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        var key = $"journal-cli-{Guid.NewGuid():N}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body, body.GetType(), options: Json),
            Headers = { { "Idempotency-Key", key } },
        }, repeatable: true, ct);
        var raw = await response.Content.ReadAsStringAsync(ct);
        return (Deserialize<T>(raw), raw);
    }

    /// <summary>
    /// Sends the request <paramref name="make"/> makes (a new one per attempt); when <paramref name="repeatable"/>, a
    /// dropped connection, a timeout, 502–504 and 429 are retried up to <see cref="MaxRetries"/> times, waiting as the
    /// service says (Retry-After) or 1, 2, 4 s. A refusal throws a <see cref="CliException"/> with its exit code.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, bool repeatable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(make);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var request = make())
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                }
                catch (Exception e) when (e is HttpRequestException or IOException || e is TaskCanceledException && !ct.IsCancellationRequested)
                {
                    if (!repeatable || attempt >= MaxRetries)
                        throw new CliException(ExitCodes.Unavailable, $"cannot reach {BaseAddress}: {Reason(e)}");
                    await Task.Delay(Wait(attempt, null), ct);
                    continue;
                }
            }
            if (repeatable && attempt < MaxRetries && (int)response.StatusCode is 429 or 502 or 503 or 504)
            {
                var wait = Wait(attempt, response.Headers.RetryAfter);
                response.Dispose();
                await Task.Delay(wait, ct);
                continue;
            }
            if (response.IsSuccessStatusCode) return response;
            using (response) throw await RefusalAsync(response, ct);
        }
    }

    private TimeSpan Wait(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var backoff = _context.RetryDelay * Math.Pow(2, attempt);
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.FromSeconds(30) ? delta * (_context.RetryDelay / TimeSpan.FromSeconds(1)) : TimeSpan.FromSeconds(30);
        return backoff;
    }

    private static string Reason(Exception e) => e switch
    {
        TaskCanceledException => "no answer in time",
        HttpRequestException { InnerException: SocketException s } => s.Message,
        _ => e.GetBaseException().Message,
    };

    /// <summary>A refusal as one line: the problem's detail, its status and type ("… (409 date-already-logged)").</summary>
    public static async Task<CliException> RefusalAsync(HttpResponseMessage response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var code = status switch
        {
            401 or 403 => ExitCodes.Unauthorized,
            404 => ExitCodes.NotFound,
            429 or >= 500 => ExitCodes.Unavailable,
            _ => ExitCodes.Refused,
        };
        var text = await response.Content.ReadAsStringAsync(ct);
        string? detail = null, type = null;
        try
        {
            using var problem = JsonDocument.Parse(text);
            detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString()?.Split('/')[^1] : null;
        }
        catch (JsonException)
        {
        }
        var line = string.Create(CultureInfo.InvariantCulture, $"{detail ?? response.ReasonPhrase ?? "refused"} ({status}{(type is null ? "" : " " + type)})");
        if (status == 401) line += " Run `journal login` to sign in again.";
        return new CliException(code, line.ReplaceLineEndings(" "));
    }

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new CliException(ExitCodes.Unavailable, "the service answered with nothing where it should have answered.");

    private static async Task<T> Read<T>(HttpResponseMessage response, CancellationToken ct) =>
        Deserialize<T>(await response.Content.ReadAsStringAsync(ct));

    /// <summary>Every notebook of the account, all pages of the index.</summary>
    public async Task<IReadOnlyList<NotebookIndexItem>> NotebooksAsync(string? status, CancellationToken ct)
    {
        var all = new List<NotebookIndexItem>();
        for (var page = 1; ; page++)
        {
            var filter = status is null ? "" : $"&status={Uri.EscapeDataString(status)}";
            var index = await GetAsync<NotebookIndexResponse>(string.Create(CultureInfo.InvariantCulture, $"api/notebooks?page={page}&pageSize=100{filter}"), ct);
            all.AddRange(index.Items);
            if (index.Items.Count == 0 || all.Count >= index.Total) return all;
        }
    }

    public void Dispose() => _http.Dispose();
}
