using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Journal.Accounts;

namespace Journal.Api.Tests;

/// <summary>
/// A whole session through Prism's validating proxy: every operation of the document, every status it documents and
/// every problem type of docs/problems.md, with no answer departing from the document (and no request, but those
/// that break it on purpose). The app is this test's own, so it can close sign-up, spend rate limits and stop its
/// database.
/// </summary>
public sealed partial class PrismSessionTests : IDisposable
{
    private const string Rust = "Learning Rust";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly object Plan3 = new { days = 3, spanDays = 7, minutesPerDay = 60 };

    private ApiHost _host = null!;
    private SessionRecorder _recorder = null!;
    private HttpClient _prism = null!;
    private readonly List<string> _surprises = [];
    private string _ownerPassword = ApiHost.Password;

    /// <summary>
    /// Documented answers a request through Prism cannot provoke: an import's 413 needs a body over 64 MiB, and Prism
    /// refuses any over 10 MB itself (ImportTests sends one to the app directly).
    /// </summary>
    private static readonly string[] BeyondPrism = ["POST /api/import → 413"];

    [Fact]
    public async Task A_session_through_prisms_validating_proxy_meets_every_operation_status_and_problem_type_without_a_violation()
    {
        var ct = TestContext.Current.CancellationToken;
        await NodeTools.EnsureInstalledAsync(ct);
        await using var host = _host = await ApiHost.StartAsync(ct);
        var document = await host.OpenApiAsync(ct);
        var operations = new DocumentedOperations(document);
        await using var prism = await PrismProxy.StartAsync(document, host.BaseAddress, ct);
        _recorder = new SessionRecorder(operations);
        _prism = new HttpClient(_recorder) { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(30) };

        var probes = await StoryAsync(ct);
        await ProbeEveryOperationAsync(operations, probes, ct);
        await SpendTheRateLimitsAsync(operations, probes, ct);
        var outage = await StopTheDatabaseAsync(operations, probes, ct);

        var exchanges = _recorder.Exchanges;
        Assert.True(_surprises.Count == 0, $"Answers other than the session expected:\n{string.Join('\n', _surprises)}");

        var responseViolations = exchanges.Where(e => e.ResponseViolations.Any()).Select(e => $"{e}: {string.Join("; ", e.ResponseViolations)}").ToList();
        Assert.True(responseViolations.Count == 0, $"Answers that depart from the document:\n{string.Join('\n', responseViolations)}");
        var requestViolations = exchanges.Where(e => e.Valid && e.Violations.Count > 0).Select(e => $"{e}: {string.Join("; ", e.Violations)}").ToList();
        Assert.True(requestViolations.Count == 0, $"Requests meant to keep to the document that Prism found departing from it:\n{string.Join('\n', requestViolations)}");

        // Every operation answered with every status it documents (503 only where this test could stop the database).
        var seen = exchanges.GroupBy(e => e.Operation).ToDictionary(g => g.Key, g => g.Select(e => e.Status).ToHashSet());
        var unmet = operations.Statuses
            .SelectMany(o => o.Value.Where(status => !(seen.GetValueOrDefault(o.Key)?.Contains(status) ?? false) && (status != 503 || outage))
                .Select(status => $"{o.Key} → {status}"))
            .Except(BeyondPrism)
            .ToList();
        Assert.True(unmet.Count == 0, $"Documented answers the session never met:\n{string.Join('\n', unmet)}");
        var undocumented = exchanges.Where(e => !e.Operation.EndsWith("(not in the document)", StringComparison.Ordinal)
                && !operations.Statuses[e.Operation].Contains(e.Status)).Select(e => e.ToString()).Distinct().ToList();
        Assert.True(undocumented.Count == 0, $"Answers the document does not list:\n{string.Join('\n', undocumented)}");

        // Every problem type of docs/problems.md, but two nothing from outside can provoke: a fault of ours, and a
        // concurrent change (writers to one notebook wait for its stream lock; the type remains for Marten's version check).
        var types = ProblemTypesOfTheDocs().Except(["/problems/internal-error", "/problems/concurrent-change"]).ToHashSet();
        if (!outage) types.Remove("/problems/service-unavailable");
        var missing = types.Except(exchanges.Select(e => e.ProblemType).OfType<string>()).ToList();
        Assert.True(missing.Count == 0, $"Problem types of docs/problems.md the session never met: {string.Join(", ", missing)}");
    }

    public void Dispose()
    {
        _prism?.Dispose();
        _recorder?.Dispose();
    }

    /// <summary>A notebook's life and an account's, meeting each refusal where it naturally happens.</summary>
    private async Task<Probes> StoryAsync(CancellationToken ct)
    {
        // Starting, retried safely, and the id a client chose.
        var started = await Call(201, HttpMethod.Post, "/api/notebooks", Start(Rust), key: "start-a");
        var a = (await Json(started, ct)).GetProperty("id").GetGuid();
        var version1 = started.Headers.ETag!.Tag;
        await Call(201, HttpMethod.Post, "/api/notebooks", Start(Rust), key: "start-a");
        await Call(422, HttpMethod.Post, "/api/notebooks", Start("Learning Go"), key: "start-a", problem: "/problems/idempotency-key-reused");
        await Call(409, HttpMethod.Post, "/api/notebooks", new { id = a, title = Rust, plan = Plan3 }, problem: "/problems/notebook-exists");

        // Reading, conditionally.
        var notebook = $"/api/notebooks/{a}";
        var read = await Call(200, HttpMethod.Get, notebook);
        await Call(304, HttpMethod.Get, notebook, with: r => r.Headers.IfNoneMatch.Add(read.Headers.ETag!));

        // Days: logged, refused, read, revised, retracted and logged again.
        await Call(201, HttpMethod.Post, $"{notebook}/days", Day("Ownership", "2026-05-01"), ifMatch: version1);
        await Call(409, HttpMethod.Post, $"{notebook}/days", Day("Ownership again", "2026-05-01"), problem: "/problems/date-already-logged");
        await Call(412, HttpMethod.Post, $"{notebook}/days", Day("Borrowing", "2026-05-02"), ifMatch: version1, problem: "/problems/version-mismatch");
        var day = await Call(200, HttpMethod.Get, $"{notebook}/days/2026-05-01");
        await Call(304, HttpMethod.Get, $"{notebook}/days/2026-05-01", with: r => r.Headers.IfNoneMatch.Add(day.Headers.ETag!));
        await Call(404, HttpMethod.Get, $"{notebook}/days/2026-05-02", problem: "/problems/day-not-found");
        await Call(400, HttpMethod.Get, $"{notebook}/days/2026-02-30", valid: false, problem: "/problems/validation-failed");
        await Call(200, HttpMethod.Put, $"{notebook}/days/2026-05-01", new { title = "Ownership, revised", minutes = 70 });
        await Call(404, HttpMethod.Put, $"{notebook}/days/2026-05-02", new { title = "Nothing to revise" }, problem: "/problems/day-not-found");
        await Call(200, HttpMethod.Delete, $"{notebook}/days/2026-05-01");
        await Call(404, HttpMethod.Delete, $"{notebook}/days/2026-05-01", problem: "/problems/day-not-found");
        await Call(201, HttpMethod.Post, $"{notebook}/days", Day("Ownership", "2026-05-01"));

        // Rest days: taken, refused, cancelled and taken again.
        await Call(201, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-05-02", reason = "A friend's wedding" });
        await Call(409, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-05-02" }, problem: "/problems/date-already-skipped");
        await Call(200, HttpMethod.Delete, $"{notebook}/skips/2026-05-02");
        await Call(404, HttpMethod.Delete, $"{notebook}/skips/2026-05-02", problem: "/problems/skip-not-found");
        await Call(201, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-05-02" });
        await Call(201, HttpMethod.Post, $"{notebook}/days", Day("Lifetimes", "2026-05-03"));

        // The plan: completed by lowering it, reopened by raising it; the time zone; abandoned and resumed.
        await Call(200, HttpMethod.Put, $"{notebook}/plan", new { days = 2, spanDays = 7, minutesPerDay = 60 });
        await Call(409, HttpMethod.Post, $"{notebook}/abandon", new { reason = "Done anyway" }, problem: "/problems/notebook-completed");
        await Call(200, HttpMethod.Put, $"{notebook}/plan", Plan3);
        await Call(200, HttpMethod.Put, $"{notebook}/time-zone", new { timeZone = "America/New_York", dayStartsAt = "05:00" });
        await Call(400, HttpMethod.Put, $"{notebook}/time-zone", new { timeZone = "Mars/Olympus_Mons" }, problem: "/problems/validation-failed");
        await Call(200, HttpMethod.Post, $"{notebook}/abandon", new { reason = "Busy at work" });
        await Call(409, HttpMethod.Post, $"{notebook}/abandon", new { }, problem: "/problems/notebook-abandoned");
        await Call(409, HttpMethod.Put, $"{notebook}/plan", new { days = 4, spanDays = 7 }, problem: "/problems/notebook-abandoned");
        await Call(409, HttpMethod.Put, $"{notebook}/time-zone", new { timeZone = "UTC" }, problem: "/problems/notebook-abandoned");
        await Call(409, HttpMethod.Put, $"{notebook}/days/2026-05-01", new { title = "Ownership, again" }, problem: "/problems/notebook-abandoned");
        await Call(409, HttpMethod.Delete, $"{notebook}/days/2026-05-01", problem: "/problems/notebook-abandoned");
        await Call(409, HttpMethod.Delete, $"{notebook}/skips/2026-05-02", problem: "/problems/notebook-abandoned");
        await Call(200, HttpMethod.Post, $"{notebook}/resume");
        await Call(409, HttpMethod.Post, $"{notebook}/resume", new { }, problem: "/problems/notebook-not-abandoned");

        // History, time travel, the audit and the index.
        var page = await Call(200, HttpMethod.Get, $"{notebook}/history?limit=2");
        if (!page.Headers.Contains("Link")) _surprises.Add("GET history?limit=2 had no Link header");
        await Call(200, HttpMethod.Get, $"{notebook}/history?afterVersion=2");
        await Call(400, HttpMethod.Get, $"{notebook}/history?limit=0", valid: false, problem: "/problems/validation-failed");
        await Call(200, HttpMethod.Get, $"{notebook}?version=2");
        // Events are recorded at the database's time: a minute from now has them all.
        await Call(200, HttpMethod.Get, $"{notebook}?asOf={DateTimeOffset.UtcNow.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}");
        await Call(200, HttpMethod.Get, $"{notebook}?on=2026-05-02");
        await Call(404, HttpMethod.Get, $"{notebook}?on=2026-04-01", problem: "/problems/notebook-not-found");
        await Call(400, HttpMethod.Get, $"{notebook}?version=999", problem: "/problems/validation-failed");
        await Call(400, HttpMethod.Get, $"{notebook}?version=1&on=2026-05-02", problem: "/problems/validation-failed");
        await Call(200, HttpMethod.Get, $"{notebook}/audit");
        await Call(200, HttpMethod.Get, "/api/notebooks");
        await Call(200, HttpMethod.Get, "/api/notebooks?status=InProgress&page=1&pageSize=1");
        await Call(400, HttpMethod.Get, "/api/notebooks?pageSize=101", valid: false, problem: "/problems/validation-failed");
        await Call(400, HttpMethod.Get, "/api/notebooks?status=Lost", valid: false, problem: "/problems/validation-failed");

        // Sharing.
        var shared = await Call(201, HttpMethod.Post, $"{notebook}/share");
        var slug = (await Json(shared, ct)).GetProperty("slug").GetString()!;
        await Call(200, HttpMethod.Post, $"{notebook}/share");
        await Call(200, HttpMethod.Get, $"/api/shared/{slug}", sign: Anonymous);
        await Call(204, HttpMethod.Delete, $"{notebook}/share");
        await Call(404, HttpMethod.Delete, $"{notebook}/share", problem: "/problems/share-link-not-found");
        await Call(404, HttpMethod.Get, $"/api/shared/{slug}", sign: Anonymous, problem: "/problems/share-link-not-found");

        // The account and its tokens.
        await Call(200, HttpMethod.Get, "/api/me");
        await Call(200, HttpMethod.Get, "/api/tokens");
        var made = await Call(201, HttpMethod.Post, "/api/tokens", new { name = "laptop" }, sign: Basic(ApiHost.Email, _ownerPassword));
        var tokenId = (await Json(made, ct)).GetProperty("id").GetGuid();
        await Call(204, HttpMethod.Delete, $"/api/tokens/{tokenId}");
        await Call(404, HttpMethod.Delete, $"/api/tokens/{tokenId}", problem: "/problems/token-not-found");
        await Call(403, HttpMethod.Post, "/api/tokens", new { name = "a token's token" }, valid: false, problem: "/problems/forbidden"); // Basic is the scheme here
        await Call(400, HttpMethod.Put, "/api/me/password", new { currentPassword = "not the password", newPassword = "another long passphrase" }, problem: "/problems/validation-failed");
        await Call(204, HttpMethod.Put, "/api/me/password", new { currentPassword = _ownerPassword, newPassword = "the owner's new long passphrase" });
        _ownerPassword = "the owner's new long passphrase";

        // Signing up: open, taken, closed.
        _host.Accounts.Registration = Registration.Open;
        await Call(201, HttpMethod.Post, "/api/accounts", Account("second@example.com"), sign: Anonymous);
        await Call(409, HttpMethod.Post, "/api/accounts", Account("Second@Example.com "), sign: Anonymous, problem: "/problems/email-taken");
        _host.Accounts.Registration = Registration.Closed;
        await Call(403, HttpMethod.Post, "/api/accounts", Account("third@example.com"), sign: Anonymous, problem: "/problems/registration-closed");
        _host.Accounts.Registration = Registration.Open;

        // A hundred tokens is the most an account holds; five failed sign-ins in a row pause it.
        await _host.SignUpAsync("many@example.com", ApiHost.Password, "Many", ct);
        for (var i = 1; i < 100; i++) await _host.TokenAsync("many@example.com", ApiHost.Password, $"token {i}", ct);
        await Call(409, HttpMethod.Post, "/api/tokens", new { name = "one too many" }, sign: Basic("many@example.com", ApiHost.Password), problem: "/problems/too-many-tokens");
        await _host.SignUpAsync("locked@example.com", ApiHost.Password, "Locked", ct);
        for (var i = 0; i < 5; i++)
            await Call(401, HttpMethod.Post, "/api/tokens", new { name = "guess" }, sign: Basic("locked@example.com", "a wrong guess"), problem: "/problems/unauthenticated");
        await Call(429, HttpMethod.Post, "/api/tokens", new { name = "guess" }, sign: Basic("locked@example.com", ApiHost.Password), problem: "/problems/sign-in-locked");

        // The pages' cookie may not write without JSON; outside the document: a method an address does not take, no address.
        var cookie = await SignInOnThePagesAsync(ct);
        await Call(403, HttpMethod.Post, $"{notebook}/resume", sign: r => r.Headers.Add("Cookie", cookie), valid: false, problem: "/problems/cookie-write-needs-json");
        await Call(405, HttpMethod.Delete, "/api/notebooks", valid: false, problem: "/problems/method-not-allowed");
        await Call(404, HttpMethod.Get, "/api/nothing-here", valid: false, problem: "/problems/not-found");

        // Export in three formats and the account's zip; import into a second account, again (nothing changes), over
        // a notebook changed since (409), and refused: a history that breaks a rule, no export at all. (Not a zip: Prism
        // passes binary bodies on altered, and refuses any over 10 MB itself; ImportTests sends zips and 64 MiB directly.)
        var events = await (await Call(200, HttpMethod.Get, $"{notebook}/export")).Content.ReadAsByteArrayAsync(ct);
        await Call(200, HttpMethod.Get, $"{notebook}/export?format=markdown");
        await Call(200, HttpMethod.Get, $"{notebook}/export?format=csv");
        await Call(400, HttpMethod.Get, $"{notebook}/export?format=pdf", valid: false, problem: "/problems/validation-failed");
        await Call(200, HttpMethod.Get, "/api/export");
        await Call(200, HttpMethod.Get, "/api/me/study");
        var importer = await _host.SignUpAsync("importer@example.com", ApiHost.Password, "Importer", ct);
        await Call(201, HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", events), sign: Bearer(importer));
        await Call(200, HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", events), sign: Bearer(importer));
        await Call(201, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-05-05" }, sign: Bearer(importer));
        await Call(409, HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", events), sign: Bearer(importer), problem: "/problems/notebook-exists");
        await Call(422, HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", BrokenHistory(events)), sign: Bearer(importer), problem: "/problems/import-refused");
        await Call(400, HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", "not an export\n"u8.ToArray()), sign: Bearer(importer), problem: "/problems/invalid-import");

        // The notebook the probes aim at: in progress, a day logged on May 1 and a rest day on May 2; and a live share.
        var b = (await Json(await Call(201, HttpMethod.Post, "/api/notebooks", Start("Learning Go")), ct)).GetProperty("id").GetGuid();
        await Call(201, HttpMethod.Post, $"/api/notebooks/{b}/days", Day("Goroutines", "2026-05-01"));
        await Call(201, HttpMethod.Post, $"/api/notebooks/{b}/skips", new { date = "2026-05-02" });
        var bSlug = (await Json(await Call(201, HttpMethod.Post, $"/api/notebooks/{b}/share"), ct)).GetProperty("slug").GetString()!;
        var readOnly = await _host.TokenAsync(ApiHost.Email, _ownerPassword, "read only", ct, "notebooks:read");
        var writeOnly = await _host.TokenAsync(ApiHost.Email, _ownerPassword, "write only", ct, "notebooks:write");
        await IdempotencyOfEveryPostAsync(ct);
        return new Probes(b, bSlug, readOnly, writeOnly, cookie);
    }

    /// <summary>Each POST that takes an Idempotency-Key answers a reused one with another body by 422, after a first answer it keeps.</summary>
    private async Task IdempotencyOfEveryPostAsync(CancellationToken ct)
    {
        var c = (await Json(await Call(201, HttpMethod.Post, "/api/notebooks", Start("Learning Zig", "2026-04-27")), ct)).GetProperty("id").GetGuid();
        var notebook = $"/api/notebooks/{c}";
        await Call(201, HttpMethod.Post, $"{notebook}/days", Day("Comptime", "2026-04-27"), key: "log");
        await Call(422, HttpMethod.Post, $"{notebook}/days", Day("Allocators", "2026-04-27"), key: "log", problem: "/problems/idempotency-key-reused");
        await Call(201, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-04-28" }, key: "skip");
        await Call(422, HttpMethod.Post, $"{notebook}/skips", new { date = "2026-04-29" }, key: "skip", problem: "/problems/idempotency-key-reused");
        await Call(200, HttpMethod.Post, $"{notebook}/abandon", new { reason = "Paused" }, key: "abandon");
        await Call(422, HttpMethod.Post, $"{notebook}/abandon", new { reason = "Paused for good" }, key: "abandon", problem: "/problems/idempotency-key-reused");
        await Call(200, HttpMethod.Post, $"{notebook}/resume", key: "resume");
        await Call(422, HttpMethod.Post, $"{notebook}/resume", new { }, key: "resume", problem: "/problems/idempotency-key-reused");
    }

    /// <summary>The answers every operation gives alike: credentials, scopes, a missing notebook, a stale If-Match, bodies and keys.</summary>
    private async Task ProbeEveryOperationAsync(DocumentedOperations operations, Probes probes, CancellationToken ct)
    {
        foreach (var (operation, statuses) in operations.Statuses)
        {
            var target = Target(operation, probes);
            if (statuses.Contains(401))
            {
                await Call(401, target.Method, target.Path, target.Body, sign: Anonymous, valid: false, problem: "/problems/unauthenticated");
                if (operation != "POST /api/tokens")
                    await Call(401, target.Method, target.Path, target.Body, sign: Bearer("jnl_NotATokenThisServiceIssued0000000000000000"), problem: "/problems/unauthenticated");
            }
            if (statuses.Contains(403) && (target.Path.StartsWith("/api/notebooks", StringComparison.Ordinal) || target.Path is "/api/export" or "/api/me/study"))
                await Call(403, target.Method, target.Path, target.Body, sign: Bearer(target.Method == HttpMethod.Get ? probes.WriteOnly : probes.ReadOnly), problem: "/problems/forbidden");
            else if (statuses.Contains(403) && target.Method != HttpMethod.Get && operation != "POST /api/accounts")
                await Call(403, target.Method, target.Path, sign: r => r.Headers.Add("Cookie", probes.Cookie), valid: false, problem: "/problems/cookie-write-needs-json");
            if (operation.Contains("{notebookId}", StringComparison.Ordinal))
                await Call(404, target.Method, target.Path.Replace(probes.Notebook.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), target.Body, sign: target.Sign, problem: "/problems/notebook-not-found");
            if (statuses.Contains(412))
                await Call(412, target.Method, target.Path, target.Body, sign: target.Sign, ifMatch: "\"999\"", problem: "/problems/version-mismatch");
            if (operation.Contains("{date}", StringComparison.Ordinal))
                await Call(400, target.Method, target.Path[..^"2026-05-01".Length] + "2026-02-30", target.Body, sign: target.Sign, valid: false, problem: "/problems/validation-failed");
            if (operation == "POST /api/import")
                await Call(415, target.Method, target.Path, new StringContent("title=x", Encoding.UTF8, "text/plain"), sign: target.Sign, valid: false, problem: "/problems/unsupported-media-type");
            else if (statuses.Contains(415))
            {
                await Call(415, target.Method, target.Path, new StringContent("title=x", Encoding.UTF8, "text/plain"), sign: target.Sign, valid: false, problem: "/problems/unsupported-media-type");
                await Call(413, target.Method, target.Path, new { title = new string('x', 300 * 1024) }, sign: target.Sign, valid: false, problem: "/problems/request-too-large");
                // Kestrel closes a connection whose oversized body it did not read; give Prism's pool a moment to notice
                // before it forwards the next request, or it may send it down the closed socket ("socket hang up").
                await Task.Delay(500, ct);
                await Call(400, target.Method, target.Path, new StringContent("[]", Encoding.UTF8, "application/json"), sign: target.Sign, valid: false, problem: "/problems/malformed-request");
                await Call(406, target.Method, target.Path, target.Body ?? new { }, sign: target.Sign, valid: false,
                    with: r => r.Headers.Accept.ParseAdd("application/xml"), problem: "/problems/not-acceptable");
            }
            if (operations.Headers[operation].Contains("Idempotency-Key"))
                await Call(400, target.Method, target.Path, target.Body, sign: target.Sign, key: "not a visible key", valid: false, problem: "/problems/validation-failed");
        }
        _ = ct;
    }

    /// <summary>With the limits set to one request a minute, a spent token (or address) gets 429 from every operation.</summary>
    private async Task SpendTheRateLimitsAsync(DocumentedOperations operations, Probes probes, CancellationToken ct)
    {
        (_host.Limits.ApiPerMinute, _host.Limits.ApiBurst, _host.Limits.SignInPerMinute) = (1, 1, 1);
        var spent = await _host.TokenAsync(ApiHost.Email, _ownerPassword, "spent", ct);
        using (var direct = _host.Client(spent)) await direct.GetAsync("/api/me", ct);
        using (var anonymous = _host.Client())
        {
            await anonymous.GetAsync($"/api/shared/{probes.Slug}", ct);
            await anonymous.PostAsJsonAsync("/api/accounts", Account("spender@example.com"), ct);
        }
        foreach (var operation in operations.Statuses.Where(o => o.Value.Contains(429)).Select(o => o.Key))
        {
            var target = Target(operation, probes);
            var sign = target.Sign == Anonymous || operation == "POST /api/tokens" ? target.Sign : Bearer(spent);
            await Call(429, target.Method, target.Path, target.Body, sign: sign, problem: "/problems/too-many-requests");
        }
        (_host.Limits.ApiPerMinute, _host.Limits.ApiBurst, _host.Limits.SignInPerMinute) = (0, 0, 0);
    }

    /// <summary>With PostgreSQL stopped, every operation answers 503 with Retry-After; then it starts again.</summary>
    private async Task<bool> StopTheDatabaseAsync(DocumentedOperations operations, Probes probes, CancellationToken ct)
    {
        if (_host.Cluster is null) return false; // JOURNAL_TEST_CONNECTION: a database this test may not stop
        var fresh = await _host.TokenAsync(ApiHost.Email, _ownerPassword, "during the outage", ct);
        await _host.WhileTheDatabaseIsDownAsync(async () =>
        {
            foreach (var operation in operations.Statuses.Where(o => o.Value.Contains(503)).Select(o => o.Key))
            {
                var target = Target(operation, probes);
                var sign = target.Sign == Anonymous || operation == "POST /api/tokens" ? target.Sign : Bearer(fresh);
                var answer = await Call(503, target.Method, target.Path, target.Body, sign: sign, problem: "/problems/service-unavailable");
                if (answer.StatusCode == HttpStatusCode.ServiceUnavailable && answer.Headers.RetryAfter is null)
                    _surprises.Add($"{operation}: a 503 without Retry-After");
            }
        }, ct);
        return true;
    }

    /// <summary>A request each operation takes, on the probes' notebook.</summary>
    private Request Target(string operation, Probes p)
    {
        var owner = Bearer(_host.OwnerToken);
        var n = $"/api/notebooks/{p.Notebook}";
        return operation switch
        {
            "GET /api/notebooks/{notebookId}" => new(HttpMethod.Get, n, null, owner),
            "GET /api/notebooks" => new(HttpMethod.Get, "/api/notebooks", null, owner),
            "POST /api/notebooks" => new(HttpMethod.Post, "/api/notebooks", Start("Probe"), owner),
            "GET /api/notebooks/{notebookId}/history" => new(HttpMethod.Get, $"{n}/history", null, owner),
            "GET /api/notebooks/{notebookId}/audit" => new(HttpMethod.Get, $"{n}/audit", null, owner),
            "POST /api/notebooks/{notebookId}/abandon" => new(HttpMethod.Post, $"{n}/abandon", new { reason = "Probe" }, owner),
            "POST /api/notebooks/{notebookId}/resume" => new(HttpMethod.Post, $"{n}/resume", null, owner),
            "PUT /api/notebooks/{notebookId}/plan" => new(HttpMethod.Put, $"{n}/plan", new { days = 5, spanDays = 7 }, owner),
            "PUT /api/notebooks/{notebookId}/time-zone" => new(HttpMethod.Put, $"{n}/time-zone", new { timeZone = "UTC" }, owner),
            "POST /api/notebooks/{notebookId}/days" => new(HttpMethod.Post, $"{n}/days", new { title = "Probe" }, owner),
            "GET /api/notebooks/{notebookId}/days/{date}" => new(HttpMethod.Get, $"{n}/days/2026-05-01", null, owner),
            "PUT /api/notebooks/{notebookId}/days/{date}" => new(HttpMethod.Put, $"{n}/days/2026-05-01", new { title = "Probe" }, owner),
            "DELETE /api/notebooks/{notebookId}/days/{date}" => new(HttpMethod.Delete, $"{n}/days/2026-05-01", null, owner),
            "POST /api/notebooks/{notebookId}/skips" => new(HttpMethod.Post, $"{n}/skips", new { date = "2026-05-04" }, owner),
            "DELETE /api/notebooks/{notebookId}/skips/{date}" => new(HttpMethod.Delete, $"{n}/skips/2026-05-01", null, owner),
            "POST /api/notebooks/{notebookId}/share" => new(HttpMethod.Post, $"{n}/share", null, owner),
            "DELETE /api/notebooks/{notebookId}/share" => new(HttpMethod.Delete, $"{n}/share", null, owner),
            "GET /api/shared/{slug}" => new(HttpMethod.Get, $"/api/shared/{p.Slug}", null, Anonymous),
            "GET /api/me" => new(HttpMethod.Get, "/api/me", null, owner),
            "PUT /api/me/password" => new(HttpMethod.Put, "/api/me/password", new { currentPassword = "not the password", newPassword = "whatever long passphrase" }, owner),
            "GET /api/tokens" => new(HttpMethod.Get, "/api/tokens", null, owner),
            "POST /api/tokens" => new(HttpMethod.Post, "/api/tokens", new { name = "probe" }, Basic(ApiHost.Email, _ownerPassword)),
            "DELETE /api/tokens/{tokenId}" => new(HttpMethod.Delete, $"/api/tokens/{Guid.NewGuid()}", null, owner),
            "POST /api/accounts" => new(HttpMethod.Post, "/api/accounts", Account("probe@example.com"), Anonymous),
            "GET /api/notebooks/{notebookId}/export" => new(HttpMethod.Get, $"{n}/export", null, owner),
            "GET /api/export" => new(HttpMethod.Get, "/api/export", null, owner),
            "POST /api/import" => new(HttpMethod.Post, "/api/import", new Upload("application/x-ndjson", "{}\n"u8.ToArray()), owner),
            "GET /api/me/study" => new(HttpMethod.Get, "/api/me/study", null, owner),
            _ => throw new InvalidOperationException($"The session has no request for {operation}: add one to Target."),
        };
    }

    /// <summary>
    /// Sends one request through Prism and records a surprise when the status (or the problem type) is not the one
    /// expected; <paramref name="expectInstead"/> is a second status that is also fine.
    /// </summary>
    private async Task<HttpResponseMessage> Call(int expected, HttpMethod method, string path, object? body = null,
        Action<HttpRequestMessage>? sign = null, string? ifMatch = null, string? key = null, bool valid = true,
        Action<HttpRequestMessage>? with = null, string? problem = null, int? expectInstead = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            // With a length, as most clients send a body (not chunked).
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                Upload file => new ByteArrayContent(file.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue(file.MediaType) } },
                _ => new StringContent(JsonSerializer.Serialize(body, Web), Encoding.UTF8, "application/json"),
            },
        };
        (sign ?? Bearer(_host.OwnerToken))(request);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        with?.Invoke(request);
        request.Options.Set(SessionRecorder.Valid, valid);
        HttpResponseMessage response;
        try
        {
            response = await _prism.SendAsync(request, TestContext.Current.CancellationToken);
        }
        catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            _surprises.Add($"{method} {path}: no answer within {_prism.Timeout.TotalSeconds} s");
            return new HttpResponseMessage(0);
        }
        var status = (int)response.StatusCode;
        var last = _recorder.Exchanges.Last(e => e.Path == request.RequestUri!.AbsolutePath);
        if (status != expected && status != expectInstead)
            _surprises.Add($"{method} {path}: expected {expected}, got {status} {last.ProblemType} {await response.Content.ReadAsStringAsync()}");
        else if (status == expected && problem is not null && last.ProblemType != problem)
            _surprises.Add($"{method} {path}: expected {problem}, got {last.ProblemType}");
        return response;
    }

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static Action<HttpRequestMessage> Basic(string email, string password) => r =>
        r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));

    private static readonly Action<HttpRequestMessage> Anonymous = _ => { };

    private static object Start(string title, string startDate = "2026-05-01") => new
    {
        title, plan = Plan3, spark = "Curiosity", startDate, timeZone = "Europe/Berlin", dayStartsAt = "04:00",
    };

    private static object Day(string title, string date) => new { title, date, summary = "What I learned.", entry = "The *whole* entry.", minutes = 60 };

    /// <summary>The export under a new notebook id, its first day moved before the notebook's start: a rule the deciders refuse.</summary>
    private static byte[] BrokenHistory(byte[] events)
    {
        var text = Encoding.UTF8.GetString(events);
        var id = JsonDocument.Parse(text.Split('\n')[0]).RootElement.GetProperty("data").GetProperty("notebookId").GetString()!;
        return Encoding.UTF8.GetBytes(text.Replace(id, Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("\"date\":\"2026-05-01\"", "\"date\":\"2026-04-01\"", StringComparison.Ordinal));
    }

    private static object Account(string email) => new { email, password = "a long passphrase of theirs", displayName = "Someone" };

    private static async Task<JsonElement> Json(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).Clone();

    /// <summary>Signs the owner in on the pages (outside Prism) and returns the session cookie.</summary>
    private async Task<string> SignInOnThePagesAsync(CancellationToken ct)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _host.BaseAddress };
        var form = await browser.GetStringAsync("/signin", ct);
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        var answer = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ApiHost.Email, ["password"] = _ownerPassword, ["__RequestVerificationToken"] = antiforgery,
        }), ct);
        var cookie = handler.CookieContainer.GetCookies(_host.BaseAddress)["journal.session"]
            ?? throw new InvalidOperationException($"Signing in on the pages gave {(int)answer.StatusCode} and no session cookie.");
        return $"{cookie.Name}={cookie.Value}";
    }

    private static IEnumerable<string> ProblemTypesOfTheDocs()
    {
        var docs = Path.Combine(NodeTools.Folder, "..", "..", "..", "docs", "problems.md");
        return ProblemTypeInTable().Matches(File.ReadAllText(docs)).Select(m => m.Groups[1].Value).Distinct();
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|value="([^"]+)" name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"^\| \d{3} \| `(/problems/[a-z-]+)`", RegexOptions.Multiline)]
    private static partial Regex ProblemTypeInTable();

    private sealed record Probes(Guid Notebook, string Slug, string ReadOnly, string WriteOnly, string Cookie);

    /// <summary>A body that is a file (an import), sent afresh each time.</summary>
    private sealed record Upload(string MediaType, byte[] Bytes);

    private sealed record Request(HttpMethod Method, string Path, object? Body, Action<HttpRequestMessage> Sign);
}
