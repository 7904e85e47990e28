using Journal.Postgres;

namespace Journal.Tests.Hosting;

/// <summary>How the service starts its database: the embedded cluster unless a connection string names one.</summary>
public sealed class JournalDatabaseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("journal-database-").FullName;

    private string Data => Path.Combine(_root, "pg");

    [Fact]
    public async Task Without_server_binaries_the_service_says_what_to_install_and_exits_non_zero()
    {
        var (exitCode, _, stderr) = await ServiceProcess.RunAsync(new Dictionary<string, string?>
        {
            ["Journal__Database__BinDirectory"] = Path.Combine(_root, "no-postgres-here"),
            ["Journal__Database__DataDirectory"] = Data,
            ["ConnectionStrings__Journal"] = null,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("apt-get install postgresql", stderr, StringComparison.Ordinal);
        Assert.Contains("brew install postgresql", stderr, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Journal", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
