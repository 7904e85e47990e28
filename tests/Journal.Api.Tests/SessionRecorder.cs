using System.Text.Json;
using System.Text.RegularExpressions;

namespace Journal.Api.Tests;

/// <summary>One request of the session and what came of it.</summary>
/// <param name="Operation">"POST /api/notebooks/{notebookId}/days": the document's operation the request was for, if any.</param>
/// <param name="Valid">Whether the request itself keeps to the document (some requests break it on purpose).</param>
/// <param name="Violations">Prism's findings: "request: …" or "response: …".</param>
public sealed record Exchange(string Operation, string Path, int Status, bool Valid, string? ProblemType, IReadOnlyList<string> Violations)
{
    public IEnumerable<string> ResponseViolations => Violations.Where(v => v.StartsWith("response", StringComparison.Ordinal));

    public override string ToString() => $"{Operation} ({Path}) → {Status}{(ProblemType is null ? "" : " " + ProblemType)}";
}

/// <summary>The operations and documented statuses of an OpenAPI document, and which operation a request is for.</summary>
public sealed class DocumentedOperations
{
    private readonly List<(string Method, Regex Path, string Key)> _routes = [];

    public DocumentedOperations(string document)
    {
        using var json = JsonDocument.Parse(document);
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var method = operation.Name.ToUpperInvariant();
            var key = $"{method} {path.Name}";
            Headers[key] = operation.Value.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!).ToHashSet()
                : [];
            Statuses[key] = operation.Value.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var pattern = "^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            // Literal segments win over parameters (/api/me/password is not /api/me/{x}): most literal characters first.
            _routes.Add((method, new Regex(pattern), key));
        }
        _routes.Sort((a, b) => Regex.Replace(b.Key, "{[^}]+}", "").Length.CompareTo(Regex.Replace(a.Key, "{[^}]+}", "").Length));
    }

    /// <summary>Each operation ("GET /api/notebooks") and the statuses the document says it answers with.</summary>
    public Dictionary<string, HashSet<int>> Statuses { get; } = [];

    /// <summary>Each operation's header parameters (If-Match, Idempotency-Key, …).</summary>
    public Dictionary<string, HashSet<string>> Headers { get; } = [];

    public string Find(string method, string path) =>
        _routes.FirstOrDefault(r => r.Method == method && r.Path.IsMatch(path)).Key ?? $"{method} {path} (not in the document)";
}

/// <summary>Sends the session's requests and records each exchange with Prism's verdict.</summary>
public sealed class SessionRecorder(DocumentedOperations operations) : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    public static readonly HttpRequestOptionsKey<bool> Valid = new("valid");

    private readonly List<Exchange> _exchanges = [];

    public IReadOnlyList<Exchange> Exchanges => _exchanges;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var violations = response.Headers.TryGetValues("sl-violations", out var found)
            ? JsonDocument.Parse(found.First()).RootElement.EnumerateArray()
                .Select(v => $"{string.Join('.', v.GetProperty("location").EnumerateArray().Select(l => l.ToString()))}: {v.GetProperty("message").GetString()}")
                .ToList()
            : [];
        string? type = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        }
        var path = request.RequestUri!.AbsolutePath;
        var valid = !request.Options.TryGetValue(Valid, out var v) || v;
        lock (_exchanges) _exchanges.Add(new Exchange(operations.Find(request.Method.Method, path), path, (int)response.StatusCode, valid, type, violations));
        return response;
    }
}
