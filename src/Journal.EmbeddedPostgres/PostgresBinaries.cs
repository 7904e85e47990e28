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

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }
}
