using System.Diagnostics;

namespace Journal.Reliability;

/// <summary>Released builds of Journal: each release is a git tag (docs/operations.md, "Releases").</summary>
public static class Releases
{
    /// <summary>The newest release tag (v*) reachable from HEAD, or the one given with --from.</summary>
    public static async Task<string> PreviousAsync(string repository, string? given) =>
        given ?? (await GitAsync(repository, "describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD")).Trim();

    /// <summary>Checks the tag out in a temporary worktree and publishes its service in Release; returns the dll.</summary>
    public static async Task<string> PublishAsync(string repository, string tag, string scratch)
    {
        var tree = Path.Combine(scratch, $"source-{tag}");
        await GitAsync(repository, "worktree", "add", "--detach", tree, tag);
        try
        {
            return await ServiceProcess.PublishAsync(tree, Path.Combine(scratch, $"service-{tag}"));
        }
        finally
        {
            await GitAsync(repository, "worktree", "remove", "--force", tree);
        }
    }

    private static async Task<string> GitAsync(string repository, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {await errors}");
        return await output;
    }
}
