using Journal.Postgres;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journal.Postgres.Tests;

/// <summary>The launcher itself: each test runs its own cluster in a temporary folder.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root;

    public EmbeddedPostgresTests()
    {
        _root = Directory.CreateTempSubdirectory("journal-launcher-").FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
    }

    private string Data => Path.Combine(_root, "pg");

    private Task<EmbeddedPostgres> Start() =>
        EmbeddedPostgres.StartAsync(Data, null, null, "journal", NullLogger.Instance, TestContext.Current.CancellationToken);

    private static async Task<long> Count(EmbeddedPostgres cluster, string sql = "SELECT count(*) FROM marks")
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_second_start_and_only_loopback_with_a_password_is_served()
    {
        await using (var first = await Start())
        {
            await Count(first, "CREATE TABLE marks(id int); INSERT INTO marks VALUES (1); SELECT 1");
            Assert.Contains("Host=127.0.0.1", first.ConnectionString, StringComparison.Ordinal);
            var noPassword = new NpgsqlConnectionStringBuilder(first.ConnectionString) { Password = "wrong" }.ConnectionString;
            await using var refused = new NpgsqlConnection(noPassword);
            await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync(TestContext.Current.CancellationToken));
        }
        Assert.False(File.Exists(Path.Combine(Data, "postmaster.pid")));

        await using var second = await Start();
        Assert.Equal(1, await Count(second));
    }

    [Fact]
    public async Task A_stale_pid_file_left_by_a_crash_is_removed()
    {
        await using (var first = await Start()) await Count(first, "CREATE TABLE marks(id int); SELECT 1");
        // A pid that belongs to no running process, as after a power cut.
        await File.WriteAllTextAsync(Path.Combine(Data, "postmaster.pid"), "999999\n" + Data + "\n0\n5432\n", TestContext.Current.CancellationToken);

        await using var again = await Start();
        Assert.Equal(0, await Count(again));
    }

    [Fact]
    public async Task A_cluster_left_running_by_a_killed_service_is_adopted()
    {
        var orphan = await Start(); // never stopped: the service that started it died
        await Count(orphan, "CREATE TABLE marks(id int); SELECT 1");

        await using var adopted = await Start();

        Assert.Equal(orphan.Port, adopted.Port);
        Assert.Equal(0, await Count(adopted));
    }

    [Theory]
    [InlineData(11, "was created by PostgreSQL 11", "apt-get install postgresql-11")] // older, its binaries not installed
    [InlineData(99, "newer than the server binaries found", "apt-get install postgresql-99")]
    public async Task A_data_folder_of_another_major_version_is_left_untouched_with_what_to_install(int major, string says, string install)
    {
        await using (var first = await Start()) await Count(first, "CREATE TABLE marks(id int); SELECT 1");
        await File.WriteAllTextAsync(Path.Combine(Data, "PG_VERSION"), $"{major}\n", TestContext.Current.CancellationToken);
        var before = Directory.EnumerateFileSystemEntries(_root).Order(StringComparer.Ordinal).ToList();

        var refused = await Assert.ThrowsAsync<DatabaseUnavailableException>(Start);

        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
        Assert.Contains(install, refused.Message, StringComparison.Ordinal);
        Assert.Contains(Data, refused.Message, StringComparison.Ordinal);
        if (major < 15) Assert.Contains("backup FILE", refused.Message, StringComparison.Ordinal);
        Assert.Equal($"{major}\n", await File.ReadAllTextAsync(Path.Combine(Data, "PG_VERSION"), TestContext.Current.CancellationToken));
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(_root).Order(StringComparer.Ordinal).ToList());
        Assert.False(File.Exists(Path.Combine(Data, "postmaster.pid")));
    }

    [Fact]
    public async Task A_missing_folder_beside_the_old_one_an_interrupted_upgrade_set_aside_is_not_started_afresh()
    {
        var setAside = Path.Combine(_root, ".pg.pg13-replaced-20261129090000");
        Directory.CreateDirectory(setAside);

        var refused = await Assert.ThrowsAsync<DatabaseUnavailableException>(Start);

        Assert.Contains("was interrupted", refused.Message, StringComparison.Ordinal);
        Assert.Contains(setAside, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Theory]
    [InlineData(15, 15, false, MajorUpgradeStep.None)]
    [InlineData(13, 15, true, MajorUpgradeStep.Upgrade)]
    [InlineData(13, 15, false, MajorUpgradeStep.RefuseWithoutOldBinaries)]
    [InlineData(17, 15, true, MajorUpgradeStep.RefuseNewerData)]
    public void A_folder_opens_with_its_own_major_version_upgrades_from_an_older_one_and_never_downgrades(int data, int bin, bool oldInstalled, MajorUpgradeStep step) =>
        Assert.Equal(step, MajorUpgrade.Decide(data, bin, oldInstalled));

    [Fact]
    public void The_major_version_of_binaries_and_of_a_data_folder_are_read_from_the_machine()
    {
        var bin = PostgresBinaries.Find()!;
        var major = PostgresBinaries.MajorVersion(bin);
        Assert.InRange(major ?? 0, 10, 99);
        Assert.Equal(major, PostgresBinaries.MajorVersion(PostgresBinaries.FindMajor(major!.Value)!));
        Assert.Null(PostgresBinaries.FindMajor(9));
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "PG_VERSION"), "13\n");
        Assert.Equal(13, PostgresBinaries.DataMajorVersion(Data));
        Assert.Null(PostgresBinaries.DataMajorVersion(_root));
    }

    [Fact]
    public void Only_the_log_lines_written_since_an_attempt_began_are_read()
    {
        Directory.CreateDirectory(_root);
        var log = Path.Combine(_root, "postgres.log");
        File.WriteAllText(log, "LOG:  could not bind IPv4 address \"127.0.0.1\": Address in use\n");
        var attemptBegan = new FileInfo(log).Length;
        File.AppendAllText(log, "LOG:  database system is ready to accept connections\n");

        Assert.DoesNotContain("could not bind", EmbeddedPostgres.LogSince(log, attemptBegan), StringComparison.Ordinal);
        Assert.Contains("ready to accept", EmbeddedPostgres.LogSince(log, attemptBegan), StringComparison.Ordinal);
        Assert.Contains("could not bind", EmbeddedPostgres.LogSince(log, 0), StringComparison.Ordinal);
        Assert.Equal("", EmbeddedPostgres.LogSince(Path.Combine(_root, "none.log"), 0));
    }

    public void Dispose()
    {
        // Stop anything a failed test left running, then remove the folder.
        var pidFile = Path.Combine(Data, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
        {
            try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            Thread.Sleep(500);
        }
        Directory.Delete(_root, recursive: true);
    }
}
