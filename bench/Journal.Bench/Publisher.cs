using System.Diagnostics;

namespace Journal.Bench;

/// <summary>Publishes the service and the bare app in Release; they were built with the benchmark, so publishing only copies.</summary>
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

    /// <returns>The published dll.</returns>
    public static async Task<string> PublishAsync(string project, string output, CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        if (await DotnetAsync(["publish", project, "-c", "Release", "--no-build", "-o", output, "--nologo", "-v", "q"], ct) != 0
            && await DotnetAsync(["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q"], ct) != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed");
        return Path.Combine(output, name + ".dll");
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
