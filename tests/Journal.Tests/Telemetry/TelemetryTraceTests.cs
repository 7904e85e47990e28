using System.Diagnostics;
using System.Net;
using Journal.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Telemetry;

/// <summary>Traces: one LogDay is one trace (the request, the decision, the append, Marten and every SQL statement), and it leaves over OTLP.</summary>
public sealed class TelemetryTraceTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private const string LogDayRoute = "/api/notebooks/{notebookId}/days";

    [Fact]
    public async Task A_logged_day_is_one_trace_with_the_decision_the_append_and_its_sql()
    {
        var id = await Host.StartedNotebook();
        var spans = await TracedLogDay(id);

        var request = Assert.Single(spans, IsLogDayRequest);
        Assert.Equal(default, request.ParentSpanId); // the root: nothing called us
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        Assert.Equal(201, request.GetTagItem("http.response.status_code"));
        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        Assert.All(trace.Where(s => s != request), s => Assert.True(DescendsFrom(s, request, trace),
            $"{s.DisplayName} hangs off no span of the request: " + string.Join(" | ", spans.Select(x => $"{x.Source.Name}/{x.DisplayName} {x.TraceId} {x.SpanId}<-{x.ParentSpanId}"))));

        var decide = Assert.Single(trace, s => s.Source.Name == "Journal" && s.DisplayName == "decide");
        Assert.Equal("DayLogged", decide.GetTagItem("journal.events"));
        var append = Assert.Single(trace, s => s.Source.Name == "Journal" && s.DisplayName == "append");
        Assert.Equal(id.ToString(), append.GetTagItem("journal.notebook.id"));

        var sql = trace.Where(s => s.Source.Name == "Npgsql").Select(s => (Span: s, Text: Statement(s))).ToList();
        Assert.All(sql, s => Assert.False(string.IsNullOrEmpty(s.Text), $"{s.Span.DisplayName} carries no statement"));
        // The notebook's stream locked and read before the decision, the events appended under "append" (the token was
        // looked up by an earlier request and is kept by the node: TokenCache).
        Assert.Contains(sql, s => s.Text!.Contains("mt_streams", StringComparison.Ordinal) && s.Span.StartTimeUtc < decide.StartTimeUtc);
        Assert.Contains(sql, s => DescendsFrom(s.Span, append, trace) && s.Text!.Contains("append_events", StringComparison.Ordinal));
        Assert.True(sql.Count >= 2, $"{sql.Count} SQL spans: {string.Join(" | ", sql.Select(s => s.Text))}");
    }

    [Fact]
    public async Task Traces_leave_over_otlp_when_an_endpoint_is_set()
    {
        var spans = await TracedLogDay(await Host.StartedNotebook());
        var traceId = Convert.FromHexString(Assert.Single(spans, IsLogDayRequest).TraceId.ToHexString());

        // OTLP carries trace ids as 16 raw bytes in the protobuf body posted to /v1/traces.
        for (var i = 0; i < 100 && !Exported(traceId); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(Exported(traceId), $"no OTLP export carried the trace; received: {string.Join(", ", Fixture.Otlp.Received.Select(r => $"{r.Path} ({r.Body.Length} bytes)"))}");
    }

    [Fact]
    public async Task A_share_links_slug_stays_out_of_the_trace()
    {
        var id = await Host.StartedNotebook();
        var slug = (await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share")).Read<Journal.Contracts.ShareLinkResponse>(HttpStatusCode.Created)).Slug;
        IReadOnlyList<Activity> spans;
        using (Fixture.Spans.Record())
        {
            await (await Host.Send(HttpMethod.Get, $"/api/shared/{slug}", null, NoCredentials)).Read<Journal.Contracts.NotebookProgressResponse>(HttpStatusCode.OK);
            spans = await Fixture.Spans.WaitFor(s => s.Kind == ActivityKind.Server);
        }

        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/api/shared/{slug}", request.GetTagItem("http.route"));
        var leaks = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}").Append(s.DisplayName))
            .Where(text => text.Contains(slug, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("; ", leaks));
    }

    [Fact]
    public void Traces_are_exported_only_when_the_standard_variables_name_an_endpoint()
    {
        Assert.False(Journal.Hosting.Telemetry.ExportsTraces(Config()));
        Assert.False(Journal.Hosting.Telemetry.ExportsTraces(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", " "))));
        Assert.True(Journal.Hosting.Telemetry.ExportsTraces(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))));
        Assert.True(Journal.Hosting.Telemetry.ExportsTraces(Config(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"))));

        Assert.Null(TracerOf(Config()));
        Assert.NotNull(TracerOf(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"))));
    }

    /// <summary>The spans recorded while a day is logged, once every parent they name has ended too (a parent ends after its children).</summary>
    private async Task<IReadOnlyList<Activity>> TracedLogDay(Guid notebookId)
    {
        using (Fixture.Spans.Record())
        {
            await Host.LoggedDay(notebookId, "2026-03-02");
            await Fixture.Spans.WaitFor(IsLogDayRequest);
            return await Fixture.Spans.WaitFor(_ => Fixture.Spans.Spans.All(s => s.ParentSpanId == default || Fixture.Spans.Spans.Any(p => p.SpanId == s.ParentSpanId)));
        }
    }

    private static TracerProvider? TracerOf(IConfiguration configuration)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddJournalTelemetry();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetService<TracerProvider>();
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private bool Exported(byte[] traceId) =>
        Fixture.Otlp.Received.Any(r => r.Path == "/v1/traces" && r.Body.AsSpan().IndexOf(traceId) >= 0);

    private static bool IsLogDayRequest(Activity span) =>
        span.Kind == ActivityKind.Server && (string?)span.GetTagItem("http.route") == LogDayRoute;

    private static string? Statement(Activity span) => (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement")) as string;

    private static bool DescendsFrom(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            var next = trace.FirstOrDefault(s => s.SpanId == parent);
            if (next is null) return false;
            parent = next.ParentSpanId;
        }
        return false;
    }
}
