using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Journal.Contracts;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Telemetry;

/// <summary>/metrics: who may read it, Journal's own counters, and every series the Grafana dashboard in deploy/ queries.</summary>
public sealed partial class TelemetryMetricsTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("127.0.0.1", null, 200)]
    [InlineData("::1", null, 200)]
    [InlineData("::ffff:127.0.0.1", null, 200)]
    [InlineData("203.0.113.9", null, 403)]
    [InlineData("203.0.113.9", "Bearer not-the-token", 403)]
    [InlineData("203.0.113.9", Owner.Token, 403)] // an account's token is no operator's
    [InlineData("203.0.113.9", "Bearer " + JournalHost.MetricsToken, 200)]
    public async Task Metrics_are_for_the_machine_itself_or_a_scraper_with_the_operators_token(string address, string? authorization, int status)
    {
        await Host.Scenario(s => s.Get.Url("/health/live")); // a request for the HTTP series to count, whichever test runs first
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address));
            if (authorization is not null) s.WithRequestHeader("Authorization", authorization.StartsWith("jnl_", StringComparison.Ordinal) ? "Bearer " + authorization : authorization);
            s.StatusCodeShouldBe(status);
        });
        var body = await result.ReadAsTextAsync();
        if (status == 200) Assert.Contains("# TYPE http_server_request_duration_seconds histogram", body, StringComparison.Ordinal);
        else Assert.Contains("/problems/forbidden", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_endpoint_is_no_part_of_the_api_document()
    {
        var document = await (await Host.Anonymous().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("/metrics", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journals_own_counters_count_days_rest_days_refusals_sign_in_failures_and_rate_limits()
    {
        var before = await Host.MetricsAsync();
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await Host.LoggedDay(id, "2026-03-03");
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 3, 4)))).Read<DayResponse>(HttpStatusCode.Created);
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Again", new DateOnly(2026, 3, 2))))
            .Problem(HttpStatusCode.Conflict, "/problems/date-already-logged");
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "not the password at all")))
            .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        var token = await Host.Token(Owner.Email, Owner.Password); // a fresh bucket for the limit below
        (Fixture.Limits.ApiPerMinute, Fixture.Limits.ApiBurst) = (60, 1);
        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Problem(HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        var after = await Host.MetricsAsync();

        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(2, Delta("journal_days_logged_total"));
        Assert.Equal(1, Delta("journal_rest_days_taken_total"));
        Assert.Equal(1, Delta("journal_commands_refused_total", ("error_type", "/problems/date-already-logged"), ("journal_area", "notebook")));
        Assert.Equal(1, Delta("journal_commands_refused_total"));
        Assert.Equal(1, Delta("journal_sign_in_failures_total", ("error_type", "/problems/sign-in-failed"), ("journal_sign_in_method", "basic")));
        Assert.Equal(1, Delta("journal_requests_rate_limited_total", ("journal_rate_limit_policy", "api")));
        Assert.Equal(4, Delta("marten_event_append_events_total", ("tenant_id", Owner.Id.ToString())), 0); // started, 2 days, 1 rest day
        Assert.Equal(2, Delta("http_server_request_duration_seconds_count", ("http_route", "/api/notebooks/{notebookId}/days"), ("http_response_status_code", "201")));
    }

    [Fact]
    public async Task Every_series_the_dashboard_queries_is_served()
    {
        // What an operator's dashboard shows after some use: commands, refusals, failed sign-ins, a rate limit, and an
        // async projection that ran (the test host's LagProbe: Journal has no async projection of its own yet).
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 3, 3)))).Read<DayResponse>(HttpStatusCode.Created);
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Again", new DateOnly(2026, 3, 2)))).Problem(HttpStatusCode.Conflict, "/problems/date-already-logged");
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "not the password at all"))).Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        var token = await Host.Token(Owner.Email, Owner.Password);
        (Fixture.Limits.ApiPerMinute, Fixture.Limits.ApiBurst) = (60, 1);
        await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token));
        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Problem(HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        await Host.CatchUpAsyncProjections();
        var samples = await Host.MetricsAsync();

        var queries = Dashboard.Queries();
        Assert.True(queries.Count >= 15, $"only {queries.Count} queries found in the dashboard");
        var missing = new List<string>();
        foreach (var (panel, expr) in queries)
        {
            var selectors = Dashboard.Selectors(expr);
            if (selectors.Count == 0) missing.Add($"{panel}: no series named in {expr}");
            foreach (var selector in selectors)
            {
                var series = samples.Where(s => selector.Matches(s.Name)).ToList();
                if (series.Count == 0) missing.Add($"{panel}: no series {selector.Describe} (in {expr})");
                foreach (var label in selector.Labels.Where(l => !series.Any(s => s.Labels.ContainsKey(l))))
                    missing.Add($"{panel}: {selector.Describe} has no label {label} (in {expr})");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}

/// <summary>The Grafana dashboard in deploy/grafana (copied beside the tests): its PromQL and the series each names.</summary>
public static partial class Dashboard
{
    public sealed record Selector(string? Name, Regex? NamePattern, IReadOnlyList<string> Labels)
    {
        public bool Matches(string series) => Name is not null ? series == Name : NamePattern!.IsMatch(series);
        public string Describe => Name ?? $"matching /{NamePattern}/";
    }

    public static IReadOnlyList<(string Panel, string Expr)> Queries()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "journal-dashboard.json")));
        var found = new List<(string, string)>();
        Walk(json.RootElement, "dashboard", found);
        return found;
    }

    private static void Walk(JsonElement element, string panel, List<(string, string)> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String) panel = title.GetString()!;
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String) found.Add((panel, property.Value.GetString()!));
                else Walk(property.Value, panel, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Walk(item, panel, found);
        }
    }

    /// <summary>Each series selector of <paramref name="expr"/> (name, name{…} or {__name__=~"…"}), with the labels the expression uses on it.</summary>
    public static IReadOnlyList<Selector> Selectors(string expr)
    {
        var grouping = GroupBy().Matches(expr).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var rest = Modifier().Replace(Range().Replace(expr, " "), " ");
        var selectors = new List<Selector>();
        foreach (Match m in Token().Matches(rest))
        {
            if (m.Length == 0) continue;
            var name = m.Groups[1].Value;
            var after = rest[(m.Index + m.Length)..].TrimStart();
            if (name.Length > 0 && (Keywords.Contains(name) || after.StartsWith('('))) continue; // a function or an operator
            var matchers = m.Groups[2].Success ? LabelMatcher().Matches(m.Groups[2].Value).ToList() : [];
            var labels = matchers.Select(l => l.Groups[1].Value).Concat(grouping).Where(l => !TargetLabels.Contains(l)).Distinct().ToList();
            if (name.Length > 0) selectors.Add(new Selector(name, null, labels));
            else if (matchers.FirstOrDefault(l => l.Groups[1].Value == "__name__") is { } byName)
                selectors.Add(new Selector(null, new Regex("^(?:" + byName.Groups[3].Value + ")$"), labels));
        }
        return selectors;
    }

    /// <summary>Labels that are no series' own: the name, and those Prometheus adds to a target's series when it scrapes.</summary>
    private static readonly HashSet<string> TargetLabels = ["__name__", "instance", "job"];

    private static readonly HashSet<string> Keywords = ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan"];

    // An identifier (a metric, a function or a keyword) and/or label matchers in braces; numbers are skipped whole.
    [GeneratedRegex(@"[0-9][0-9.eE+-]*|([a-zA-Z_:][a-zA-Z0-9_:]*)?(\{[^}]*\})?")]
    private static partial Regex Token();

    // Ranges and durations ([5m], [$__rate_interval]) name no series.
    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    // by (…), without (…), on (…), ignoring (…), group_left (…): label lists, not series.
    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*""([^""]*)""")]
    private static partial Regex LabelMatcher();

    [GeneratedRegex(@"\b(?:by|without)\s*\(([^)]*)\)")]
    private static partial Regex GroupBy();
}
