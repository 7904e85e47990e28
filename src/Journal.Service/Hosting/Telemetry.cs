using System.Net;
using System.Security.Cryptography;
using System.Text;
using JasperFx.OpenTelemetry;
using Journal.Http;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Journal.Hosting;

/// <summary><c>Journal:Metrics</c>: who may read <c>/metrics</c> besides the machine itself.</summary>
public sealed class MetricsAccessOptions
{
    /// <summary>A bearer token that lets a scraper on another address read <c>/metrics</c>; unset: loopback only.</summary>
    public string? Token { get; set; }
}

/// <summary>
/// Traces, metrics, logs and readiness for operators (docs/operations.md, "What to monitor"):
/// <list type="bullet">
/// <item>traces of ASP.NET Core, Journal's decide and append, Marten, Wolverine and Npgsql (each SQL statement), exported
/// over OTLP only when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>…_TRACES_ENDPOINT</c>) is set;</item>
/// <item>metrics at <c>/metrics</c> in Prometheus's format, for loopback or the operator's token: HTTP per route, Marten's
/// appends and daemon, Wolverine, Npgsql's pool, the runtime, and Journal's own (<see cref="JournalMetrics"/>);</item>
/// <item>one log line per request (<see cref="RequestLog"/>); JSON with <c>Logging:Console:FormatterName=json</c>;</item>
/// <item>async projections' lag in <c>/health/ready</c> (<see cref="ProjectionLagCheck"/>).</item>
/// </list>
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "journal";
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddJournalTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MetricsAccessOptions>(builder.Configuration.GetSection("Journal:Metrics"));
        services.Configure<HealthOptions>(builder.Configuration.GetSection("Journal:Health"));
        services.AddSingleton<JournalMetrics>();
        services.AddSingleton<ProjectionLagReader>();
        services.AddHealthChecks().AddCheck<ProjectionLagCheck>(ProjectionLagCheck.Name, tags: ["ready"]);
        services.ConfigureMarten(opts =>
        {
            // No "marten.connection" span: at the pinned Marten a session that begins a transaction (every command, through
            // FetchForExclusiveWriting) drops that span without ending it, so it is never exported and the decision, the
            // append and the SQL would hang off a parent no trace store ever sees. Npgsql traces each statement instead;
            // Marten's source still traces the async daemon.
            opts.OpenTelemetry.TrackConnections = TrackLevel.None;
            opts.OpenTelemetry.TrackEventCounters(); // marten.event.append by event type
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()  // http.server.*, Kestrel, rate limiting, authentication
                .AddRuntimeInstrumentation()     // GC, thread pool, exceptions
                .AddNpgsqlInstrumentation()      // the connection pool and command durations
                .AddMeter("Marten", "Wolverine*", JournalMetrics.MeterName)
                // Every scrape collects afresh: the exporter's default keeps an answer 300 ms, so a scrape right after
                // another missed the requests between them (scrapers come every 15 s; nothing to protect).
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (ExportsTraces(builder.Configuration)) telemetry.WithTracing(tracing => Traces(tracing).AddOtlpExporter());
        return builder;
    }

    /// <summary>The standard variables decide, and nothing else: an OTLP endpoint set means traces go there.</summary>
    public static bool ExportsTraces(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    /// <summary>What a trace is made of: the request, Journal's decide and append, Marten's connection, Wolverine, every SQL statement.</summary>
    public static TracerProviderBuilder Traces(TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(o =>
        {
            o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath);
            // A share link's slug is its secret: the span keeps the route, not the address.
            o.EnrichWithHttpResponse = (activity, response) =>
            {
                var route = RequestLog.Route(response.HttpContext);
                if (route.Contains("{slug}", StringComparison.Ordinal)) activity.SetTag("url.path", route);
            };
        })
        .AddSource(JournalTracing.SourceName, "Marten", "Wolverine")
        .AddNpgsql();

    /// <summary>One log line per request (first, so it sees the final status) and the metrics endpoint.</summary>
    public static WebApplication UseJournalTelemetry(this WebApplication app)
    {
        app.Use(RequestLog.Write);
        app.Services.GetRequiredService<ProjectionLagReader>(); // its gauges exist from the start
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(GuardMetrics), optionsName: null)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Metrics name routes, rates and counts of refusals: for the machine itself, or a scraper with the operator's token.</summary>
    private static async Task GuardMetrics(HttpContext context, RequestDelegate next)
    {
        if (IsOperator(context)) await next(context);
        else await Problems.WriteAsync(context, OperatorOnly(MetricsPath));
    }

    /// <summary>A request from the machine itself, or with the operator's token (<c>Journal:Metrics:Token</c>) as a bearer token.</summary>
    public static bool IsOperator(HttpContext context) =>
        IsLoopback(context.Connection.RemoteIpAddress)
        || Presents(context.Request.Headers.Authorization.ToString(), context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<MetricsAccessOptions>>().CurrentValue.Token);

    /// <summary>The 403 for anyone else.</summary>
    public static ProblemDetails OperatorOnly(string path) => ProblemTypes.Problem(StatusCodes.Status403Forbidden, Http.Security.ApiChallenges.Forbidden, "Not allowed",
        $"{path} is served to the machine itself, or with the operator's token (Journal:Metrics:Token) as Authorization: Bearer.");

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>A constant-time comparison of the presented bearer token with the configured one (none configured: no).</summary>
    public static bool Presents(string authorization, string? token)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrEmpty(token) || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(authorization[bearer.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
