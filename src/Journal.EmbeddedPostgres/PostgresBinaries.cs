using System.Diagnostics;

namespace Journal.Postgres;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    public const string NotFoundMessage =
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. " +
        "Install them (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql), " +
        "point Journal:Database:BinDirectory at them, " +
        "or use an existing database by setting ConnectionStrings__Journal.";

    /// <summary>The first folder holding initdb and pg_ctl, searched in a fixed order; null when none does.</summary>
    public static string? Find() => Candidates().FirstOrDefault(HasServerBinaries);

    /// <summary>
    /// A folder of server binaries of one major version (Debian's /usr/lib/postgresql/N/bin, Homebrew's postgresql@N, or
    /// any folder searched by <see cref="Find"/> whose pg_ctl says so); null when this machine has none.
    /// </summary>
    public static string? FindMajor(int major) =>
        new[] { $"/usr/lib/postgresql/{major}/bin", $"/opt/homebrew/opt/postgresql@{major}/bin", $"/usr/local/opt/postgresql@{major}/bin" }
            .Concat(Candidates())
            .Where(HasServerBinaries)
            .Distinct(StringComparer.Ordinal)
            .FirstOrDefault(folder => MajorVersion(folder) == major);

    /// <summary>The major version of the binaries in a folder, as its pg_ctl reports it ("pg_ctl (PostgreSQL) 15.18 …" is 15).</summary>
    public static int? MajorVersion(string folder)
    {
        var output = Output(Path.Combine(folder, "pg_ctl"), "--version");
        if (output is null) return null;
        var version = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 0 && char.IsDigit(w[0]));
        var digits = new string((version ?? "").TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>The major version that created a data folder (its PG_VERSION file), or null when it is not one.</summary>
    public static int? DataMajorVersion(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "PG_VERSION");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary>
    /// The folder the binaries really live in: a folder of links to them (/usr/local/bin, Homebrew's bin) lacks their
    /// siblings, such as pg_upgrade, pg_dump and vacuumdb of the same version.
    /// </summary>
    public static string Resolve(string folder)
    {
        var target = new FileInfo(Path.Combine(folder, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetDirectoryName(target?.FullName) is { } real && HasServerBinaries(real) ? real : folder;
    }

    public static bool HasServerBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return folder;

        if (PgConfigBinDir() is { } fromPgConfig)
            yield return fromPgConfig;

        foreach (var root in new[] { "/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt" })
        {
            foreach (var folder in VersionedFolders(root))
                yield return folder;
        }

        yield return "/usr/local/pgsql/bin";
        yield return "/opt/homebrew/bin";
        yield return "/usr/local/bin";
    }

    /// <summary>/usr/lib/postgresql/{15,16,…}/bin and Homebrew's postgresql@N folders, newest first.</summary>
    private static IEnumerable<string> VersionedFolders(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root)
            .Select(dir => (dir, name: Path.GetFileName(dir)))
            .Where(d => root.EndsWith("postgresql", StringComparison.Ordinal) || d.name.StartsWith("postgresql", StringComparison.Ordinal))
            .Select(d => (d.dir, version: VersionOf(d.name)))
            .OrderByDescending(d => d.version)
            .Select(d => Path.Combine(d.dir, "bin"));
    }

    private static double VersionOf(string name)
    {
        var digits = new string(name.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return double.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private static string? PgConfigBinDir() => Output("pg_config", "--bindir") is { Length: > 0 } folder ? folder : null;

    /// <summary>What a tool prints, trimmed; null when it cannot be run or fails.</summary>
    private static string? Output(string file, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not there
        }
    }
}
