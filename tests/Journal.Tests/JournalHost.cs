using Journal.Postgres;
using Alba;
using Journal.Hosting;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Journal.Accounts;
using Journal.Http.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wolverine;
using JasperFx.Events.Projections;
using Journal.Http;
using Journal.Tests.Telemetry;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Trace;

namespace Journal.Tests;

/// <summary>
/// One Alba host over the real app for the whole run, on a throwaway PostgreSQL cluster started by the
/// service's own launcher (or the database named by JOURNAL_TEST_CONNECTION), with a pinned clock.
/// </summary>
public sealed class JournalHost : IAsyncLifetime
{
    private string? _scratch;
    private EmbeddedPostgres? _cluster;

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new() { Now = TestClock.Default };
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("JOURNAL_TEST_CONNECTION") ?? "";
        if (ConnectionString.Length == 0)
        {
            _scratch = Directory.CreateTempSubdirectory("journal-tests-").FullName;
            // The postgres OS user (used when tests run as root) must be able to enter the folder.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_scratch, (UnixFileMode)0b111_101_101);
            _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_scratch, "postgres"), null, null, "journal_tests",
                NullLogger.Instance, TestContext.Current.CancellationToken);
            ConnectionString = _cluster.ConnectionString;
        }

        Environment.SetEnvironmentVariable("ConnectionStrings__Journal", ConnectionString);
        JasperFxEnvironment.AutoStartHost = true;
        // Telemetry as an operator turns it on: traces exported over OTLP (to a stand-in collector, quickly), JSON logs.
        Otlp = new OtlpSink();
        var telemetry = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Otlp.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["Logging__Console__FormatterName"] = "json",
        };
        foreach (var (name, value) in telemetry) Environment.SetEnvironmentVariable(name, value);
        // The runner prints the process's whole output when a test fails: keep it to what explains a failure
        // (Marten logs the conflicts that tests provoke on purpose as errors).
        Host = await AlbaHost.For<Program>(web => web.ConfigureLogging(logging => logging
            .AddFilter("Marten", LogLevel.None)
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None)
            .AddFilter("Journal.Service", LogLevel.Warning)
            .AddFilter<ConsoleLoggerProvider>(RequestLog.Category, LogLevel.None)
            .AddFilter<LogCapture>(null, LogLevel.Trace)).ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.DisableAllExternalWolverineTransports();
            // Sign-ins are PBKDF2 checks: cheap ones in tests. Rate limits are off unless a test turns them on.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.RemoveAll<IOptions<RateLimitOptions>>();
            services.AddSingleton<IOptions<RateLimitOptions>>(Options.Create(Limits));
            services.RemoveAll<IOptions<AccountOptions>>();
            services.AddSingleton<IOptions<AccountOptions>>(Options.Create(Accounts));
            // Telemetry: spans to memory as well as OTLP, logs as the console's JSON formatter writes them, an async
            // projection that only runs when a test runs it (lag), a lag threshold tests set, an operator token for /metrics.
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddSingleton<ILoggerProvider>(provider =>
            {
                Logs.Formatter = provider.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
                return Logs;
            });
            services.ConfigureMarten(opts => opts.Projections.Add(new LagProbeProjection(), ProjectionLifecycle.Async, LagProbeProjection.Name));
            services.RemoveAll<IOptions<HealthOptions>>();
            services.AddSingleton<IOptions<HealthOptions>>(Options.Create(Health));
            services.Configure<MetricsAccessOptions>(o => o.Token = MetricsToken);
        }));
        // The host has read them; processes that tests start (backup, audit) do not need them.
        foreach (var name in telemetry.Keys) Environment.SetEnvironmentVariable(name, null);
    }

    public async Task ResetAsync()
    {
        await Host.ResetAllMartenDataAsync();
        Clock.Now = TestClock.Default;
        (Limits.ApiPerMinute, Limits.ApiBurst, Limits.SignInPerMinute) = (0, 0, 0);
        Accounts.Registration = null;
        Health.MaxProjectionLag = new HealthOptions().MaxProjectionLag;
        PageCookie = null;
        await Owner.SeedAsync(Store, Host.Services.GetRequiredService<IPasswords>());
    }

    /// <summary>The rate limits the app runs with; tests of the limits set them.</summary>
    public RateLimitOptions Limits { get; } = new() { ApiPerMinute = 0, ApiBurst = 0, SignInPerMinute = 0 };

    /// <summary>Who may sign up: as configured by default (open until the first account); tests may open or close it.</summary>
    public AccountOptions Accounts { get; } = new();

    /// <summary>The owner's sign-in cookie for the pages ("journal.session=…"), made on first use after each reset.</summary>
    public static string? PageCookie { get; set; }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The spans of the app's traces while a test records them.</summary>
    public SpanCollection Spans { get; } = new();

    /// <summary>The app's log, as JSON lines, while a test records it.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The stand-in OTLP collector the app exports its traces to.</summary>
    public OtlpSink Otlp { get; private set; } = null!;

    /// <summary>What /health/ready tolerates; tests of the projection lag set it.</summary>
    public HealthOptions Health { get; } = new();

    /// <summary>The operator's token for /metrics from another address.</summary>
    public const string MetricsToken = "metrics-operator-token-for-tests";

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Otlp.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_scratch is not null) Directory.Delete(_scratch, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationTests : ICollectionFixture<JournalHost>
{
    public const string Name = "integration";
}

/// <summary>Base for tests through the HTTP API: the shared host, data reset before each test.</summary>
[Collection(IntegrationTests.Name)]
public abstract class IntegrationTest(JournalHost fixture) : IAsyncLifetime
{
    protected JournalHost Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected TestClock Clock => Fixture.Clock;

    public async ValueTask InitializeAsync() => await Fixture.ResetAsync();
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock tests set to any instant, backwards too (FakeTimeProvider refuses to go back).</summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>10:00 on 2026-03-10 in New York: the day of domain.md's worked example.</summary>
    public static readonly DateTimeOffset Default = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;

    public void SetUtcNow(DateTimeOffset now) => Now = now;
}
