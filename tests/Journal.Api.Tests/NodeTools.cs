using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Journal.Api.Tests;

/// <summary>
/// Redocly and Prism from npm, pinned in tools/package.json and its lock, installed once into tools/node_modules
/// (`npm ci`) by the first test that needs them.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The tools folder in the source tree (beside this project), found from the test binaries upwards.</summary>
    public static string Folder { get; } = FindFolder();

    public static string Bin(string tool) => Path.Combine(Folder, "node_modules", ".bin", tool);

    /// <summary>What the tools need in their environment: no telemetry, no update notices.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Quiet = new Dictionary<string, string?>
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_UPDATE_NOTIFIER"] = "1",
        ["SCARF_ANALYTICS"] = "false",
        ["NO_COLOR"] = "1",
    };

    public static async Task EnsureInstalledAsync(CancellationToken ct)
    {
        await Installing.WaitAsync(ct);
        try
        {
            if (File.Exists(Bin("redocly")) && File.Exists(Bin("prism"))) return;
            var result = await Cli.Wrap("npm")
                .WithArguments(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .WithWorkingDirectory(Folder)
                .WithEnvironmentVariables(Quiet)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, ct);
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {Folder} failed ({result.ExitCode}); Node.js and npm are needed (.ci/run installs them):\n{result.StandardError}");
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>An OpenAPI document written to a folder of its own for a tool to read; the folder goes on dispose.</summary>
    public static async Task<DocumentFile> WriteDocumentAsync(string document, CancellationToken ct)
    {
        var file = new DocumentFile(Path.Combine(Directory.CreateTempSubdirectory("journal-openapi-").FullName, "openapi.json"));
        await File.WriteAllTextAsync(file.Path, document, ct);
        return file;
    }

    public sealed record DocumentFile(string Path) : IDisposable
    {
        public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Journal.Api.Tests", "tools");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException($"No tests/Journal.Api.Tests/tools above {AppContext.BaseDirectory}.");
    }
}
