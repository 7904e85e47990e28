using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using JasperFx.CommandLine;
using Journal.Accounts;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Http.Security;
using Journal.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Journal.Api.Tests;

/// <summary>
/// The real app on a real Kestrel socket (outside tools talk HTTP to it) over its own throwaway PostgreSQL cluster,
/// with a pinned clock, rate limits off until a test sets them, and an owner account with a token.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Email = "owner@example.com";
    public const string Password = "the owner's long passphrase";

    private static readonly SemaphoreSlim Starting = new(1, 1);

    private string? _scratch;
    private KestrelApp? _app;

    private ApiHost() { }

    public EmbeddedPostgres? Cluster { get; private set; }
    public TestClock Clock { get; } = new() { Now = new DateTimeOffset(2026, 5, 3, 12, 0, 0, TimeSpan.Zero) };
    public RateLimitOptions Limits { get; } = new() { ApiPerMinute = 0, ApiBurst = 0, SignInPerMinute = 0 };
    public AccountOptions Accounts { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public string OwnerToken { get; private set; } = "";

    /// <summary>An HTTP client for the app (not through any proxy), signed in with the owner's token.</summary>
    public HttpClient Owner() => Client(OwnerToken);

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<ApiHost> StartAsync(CancellationToken ct)
    {
        var host = new ApiHost();
        var connectionString = Environment.GetEnvironmentVariable("JOURNAL_TEST_CONNECTION") ?? "";
        if (connectionString.Length == 0)
        {
            host._scratch = Directory.CreateTempSubdirectory("journal-api-tests-").FullName;
            // The postgres OS user (used when tests run as root) must be able to enter the folder.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(host._scratch, (UnixFileMode)0b111_101_101);
            host.Cluster = await EmbeddedPostgres.StartAsync(Path.Combine(host._scratch, "postgres"), null, null, "journal_api_tests",
                NullLogger.Instance, ct);
            connectionString = host.Cluster.ConnectionString;
        }

        // Program reads its connection string from the environment while it builds: one app at a time.
        await Starting.WaitAsync(ct);
        try
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Journal", connectionString);
            JasperFxEnvironment.AutoStartHost = true;
            host._app = new KestrelApp(host);
            host._app.UseKestrel(0);
            host._app.StartServer();
        }
        finally
        {
            Starting.Release();
        }
        host.BaseAddress = host._app.Address;
        host.OwnerToken = await host.SignUpAsync(Email, Password, "Owner", ct);
        return host;
    }

    /// <summary>Makes an account and a token for it with both scopes (or those given).</summary>
    public async Task<string> SignUpAsync(string email, string password, string name, CancellationToken ct, params string[] scopes)
    {
        using var client = Client();
        (await client.PostAsJsonAsync("/api/accounts", new RegisterAccount(email, password, name), ct)).EnsureSuccessStatusCode();
        return await TokenAsync(email, password, "api tests", ct, scopes);
    }

    public async Task<string> TokenAsync(string email, string password, string name, CancellationToken ct, params string[] scopes)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens")
        {
            Content = JsonContent.Create(new CreateToken(name, scopes.Length == 0 ? null : scopes)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenCreatedResponse>(ct))!.Token;
    }

    /// <summary>The app's OpenAPI document as it serves it.</summary>
    public async Task<string> OpenApiAsync(CancellationToken ct)
    {
        using var client = Client();
        return await client.GetStringAsync("/openapi/v1.json", ct);
    }

    /// <summary>Stops the cluster, runs <paramref name="probe"/> while it is down, and starts it again on the same port.</summary>
    public async Task WhileTheDatabaseIsDownAsync(Func<Task> probe, CancellationToken ct)
    {
        var cluster = Cluster ?? throw new InvalidOperationException("This host's database is not its own to stop.");
        await cluster.StopAsync();
        try
        {
            await probe();
        }
        finally
        {
            Cluster = await EmbeddedPostgres.StartAsync(cluster.DataDirectory, cluster.Port, null, "journal_api_tests", NullLogger.Instance, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (Cluster is not null) await Cluster.DisposeAsync();
        if (_scratch is not null) Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>The real Program on Kestrel with the host's clock and options, and no external transports.</summary>
    private sealed class KestrelApp(ApiHost host) : WebApplicationFactory<Program>
    {
        public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureLogging(logging => logging.AddFilter("Marten", LogLevel.None).AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Journal", LogLevel.Warning).AddFilter("Wolverine", LogLevel.Warning).AddFilter("JasperFx", LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(host.Clock);
                services.DisableAllExternalWolverineTransports();
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
                services.RemoveAll<IOptions<RateLimitOptions>>();
                services.AddSingleton<IOptions<RateLimitOptions>>(Options.Create(host.Limits));
                services.RemoveAll<IOptions<AccountOptions>>();
                services.AddSingleton<IOptions<AccountOptions>>(Options.Create(host.Accounts));
            });
        }
    }
}

/// <summary>A clock the tests set.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
