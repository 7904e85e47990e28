using Journal.Hosting;
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

    [Fact]
    public void The_connection_string_is_tuned_where_it_says_nothing()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(JournalDatabase.Tuned("Host=db;Database=journal;Username=journal"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(50, tuned.MaxAutoPrepare);
        Assert.Equal(Math.Clamp(8 * Environment.ProcessorCount, 16, 100), tuned.MaxPoolSize);
        Assert.InRange(JournalDatabase.DefaultPoolSize, 16, 100);
    }

    [Theory]
    [InlineData("Maximum Pool Size=40")]
    [InlineData("MaxPoolSize=40")]
    public void A_pool_size_the_operator_set_is_kept(string setting)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(JournalDatabase.Tuned($"Host=db;Database=journal;{setting};No Reset On Close=false"));

        Assert.Equal(40, tuned.MaxPoolSize);
        Assert.False(tuned.NoResetOnClose);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
