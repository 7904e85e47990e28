using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using JasperFx.CommandLine;
using Journal.Contracts;
using Journal.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine;

[assembly: AssemblyFixture(typeof(Journal.Cli.Tests.CliHost))]

namespace Journal.Cli.Tests;

/// <summary>
/// The real service on a real Kestrel (http://127.0.0.1:0) over a throwaway PostgreSQL cluster, started once for every
/// test of the command line, with a pinned clock and sign-up open. Each test signs up accounts of its own.
/// </summary>
public sealed class CliHost : IAsyncLifetime
{
    private string? _scratch;
    private EmbeddedPostgres? _cluster;
    private KestrelApp? _app;

    /// <summary>10:00 on 2026-03-10 in New York.</summary>
    public TestClock Clock { get; } = new() { Now = new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero) };

    public string Url { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("JOURNAL_TEST_CONNECTION") ?? "";
        if (connectionString.Length == 0)
        {
            _scratch = Directory.CreateTempSubdirectory("journal-cli-tests-").FullName;
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_scratch, (UnixFileMode)0b111_101_101);
            _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_scratch, "postgres"), null, null, "journal_cli_tests",
                NullLogger.Instance, TestContext.Current.CancellationToken);
            connectionString = _cluster.ConnectionString;
        }
        Environment.SetEnvironmentVariable("ConnectionStrings__Journal", connectionString);
        JasperFxEnvironment.AutoStartHost = true;
        _app = new KestrelApp(Clock);
        _app.UseKestrel(0);
        _app.StartServer();
        Url = _app.Address.ToString().TrimEnd('/');
    }

    /// <summary>Signs up an account (a new email each time) and returns its email, password and a token made for the test's own API calls.</summary>
    public async Task<(string Email, string Password, string Token)> Account(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        const string password = "a long passphrase for the command line";
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        (await http.PostAsJsonAsync("/api/accounts", new RegisterAccount(email, password, name))).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new CreateToken("tests")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (email, password, (await response.Content.ReadFromJsonAsync<TokenCreatedResponse>())!.Token);
    }

    /// <summary>A client of the API with <paramref name="token"/>.</summary>
    public HttpClient Api(string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_scratch is not null) Directory.Delete(_scratch, recursive: true);
    }

    private sealed class KestrelApp(TestClock clock) : WebApplicationFactory<global::Program>
    {
        public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Journal:Accounts:Registration", "Open");
            builder.UseSetting("Journal:RateLimits:ApiPerMinute", "0");
            builder.UseSetting("Journal:RateLimits:SignInPerMinute", "0");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Marten", LogLevel.None));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.DisableAllExternalWolverineTransports();
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
