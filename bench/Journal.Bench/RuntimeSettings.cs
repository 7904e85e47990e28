using System.Text.RegularExpressions;

namespace Journal.Bench;

/// <summary>
/// The runtime settings the container image gives the service (the <c>DOTNET_…</c> variables of deploy/Dockerfile's
/// <c>ENV</c>), so that the benchmark measures the service as it is shipped.
/// </summary>
internal static partial class RuntimeSettings
{
    public static IReadOnlyDictionary<string, string> FromDockerfile(string repositoryRoot) =>
        DotnetVariable().Matches(File.ReadAllText(Path.Combine(repositoryRoot, "deploy", "Dockerfile")))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"\b(DOTNET_\w+)=(\S+)")]
    private static partial Regex DotnetVariable();
}
