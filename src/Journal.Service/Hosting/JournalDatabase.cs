using Journal.Postgres;
using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Journal.Hosting;

/// <summary>
/// Resolves the database before the host is built: the configured <c>ConnectionStrings:Journal</c>, or
/// else a private embedded cluster whose connection string is written back into configuration.
/// </summary>
public static class JournalDatabase
{
    public const string ConnectionStringName = "Journal";

    /// <returns>The embedded cluster to dispose when the host stops, or null when a connection string was given.</returns>
    public static async Task<EmbeddedPostgres?> PrepareAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
            return null;

        var section = builder.Configuration.GetSection("Journal:Database");
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? ExpandHome(configured)
            : EmbeddedPostgres.DefaultDataDirectory();
        int? port = section["Port"] is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var cluster = await EmbeddedPostgres.StartAsync(
            dataDirectory, port, section["BinDirectory"], section["Name"] ?? "journal",
            loggerFactory.CreateLogger("Journal.EmbeddedPostgres"));
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = cluster.ConnectionString;
        builder.Services.AddSingleton(cluster); // for the database verb
        return cluster;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("ConnectionStrings:Journal is not set.");

    /// <summary>
    /// Connection settings measured to matter (docs/performance.md), unless the connection string sets them:
    /// no DISCARD ALL each time a pooled connection is handed back, Marten's statements prepared once per connection
    /// instead of parsed and planned on every command, and at most <see cref="DefaultPoolSize"/> connections.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Sets(given, "NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Sets(given, "MaxAutoPrepare")) builder.MaxAutoPrepare = 50;
        if (!Sets(given, "MaxPoolSize", "MaximumPoolSize")) builder.MaxPoolSize = DefaultPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Eight connections per core, from 16 up to Npgsql's own default of 100. A burst of requests beyond what the
    /// database can run at once waits for a connection here, in order, instead of becoming a hundred transactions that
    /// slow each other down: on two cores with Npgsql's 100, a short stall under half the peak load grew into seconds of
    /// 500 ms answers (every connection busy, 300 requests waiting, each statement 50 ms); with 16 the same load
    /// recovered at once, at the same peak throughput (docs/performance.md).
    /// </summary>
    public static int DefaultPoolSize => Math.Clamp(8 * Environment.ProcessorCount, 16, 100);

    private static bool Sets(DbConnectionStringBuilder given, params string[] names) =>
        given.Keys.Cast<string>().Any(key => names.Any(name => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), name, StringComparison.OrdinalIgnoreCase)));

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    /// <summary>Says where the service listens and where its data is, once it is ready.</summary>
    public static void LogWhenReady(this WebApplication app, string? dataDirectory)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("Journal is ready on {Urls}; data in {Data}", urls,
                dataDirectory ?? "the database named by ConnectionStrings:Journal");
        });
    }
}
