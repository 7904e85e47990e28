using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Journal.Api.Tests;

/// <summary>Redocly's linter, recommended rules, on the document the service serves: no errors and no warnings.</summary>
public sealed class RedoclyLintTests(SharedApi api)
{
    [Fact]
    public async Task The_served_document_passes_redoclys_recommended_rules_without_a_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await NodeTools.EnsureInstalledAsync(ct);
        using var document = await NodeTools.WriteDocumentAsync(await api.Host.OpenApiAsync(ct), ct);

        var result = await Cli.Wrap(NodeTools.Bin("redocly"))
            .WithArguments(["lint", document.Path, "--extends=recommended", "--format=json", "--max-problems=1000"])
            .WithWorkingDirectory(NodeTools.Folder)
            .WithEnvironmentVariables(NodeTools.Quiet)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, ct);

        var json = result.StandardOutput[result.StandardOutput.IndexOf('{', StringComparison.Ordinal)..];
        using var report = JsonDocument.Parse(json);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))}")
            .ToList();
        Assert.True(problems.Count == 0, $"Redocly found {problems.Count} problems:\n{string.Join('\n', problems)}");
        Assert.Equal(0, result.ExitCode);
    }
}
