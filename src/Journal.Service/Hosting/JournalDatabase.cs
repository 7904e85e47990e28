using System.Globalization;

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
        return cluster;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("ConnectionStrings:Journal is not set.");

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
