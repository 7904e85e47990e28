using System.Diagnostics;

namespace Journal.Bench;

/// <summary>Publishes the service and the bare app as they are deployed.</summary>
internal static class Publisher
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Journal.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Journal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Publishes as deploy/Dockerfile does: Release, ReadyToRun for linux-x64 (the same for the bare app, so the
    /// cold starts compare like with like). ReadyToRun compiles every assembly ahead of time, a minute or more on
    /// two cores, so the output is kept under ~/.cache/journal-bench and reused while the sources are unchanged.
    /// </summary>
    /// <returns>The published dll.</returns>
    public static async Task<string> PublishAsync(string project, Action<string> log, CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var output = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "journal-bench", name, SourceStamp(project));
        var dll = Path.Combine(output, name + ".dll");
        if (File.Exists(dll))
        {
            log($"{name}: ReadyToRun publish reused from {output}");
            return dll;
        }
        log($"{name}: publishing Release, ReadyToRun (linux-x64) into {output}");
        if (await DotnetAsync(["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                "-p:PublishReadyToRun=true", "-o", output + ".partial", "--nologo", "-v", "q"], ct) != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.Move(output + ".partial", output);
        return dll;
    }

    private static readonly string[] BuildSettings = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <summary>A hash of every source file the published output depends on (src/ and the project's own folder, build settings).</summary>
    private static string SourceStamp(string project)
    {
        var root = RepositoryRoot();
        var files = new[] { Path.Combine(root, "src"), Path.GetDirectoryName(project)! }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(BuildSettings.Select(f => Path.Combine(root, f)))
            .Distinct()
            .Order(StringComparer.Ordinal);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static async Task<int> DotnetAsync(IEnumerable<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) Console.WriteLine((await output) + (await error));
        return process.ExitCode;
    }
}
