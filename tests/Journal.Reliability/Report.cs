using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Journal.Reliability;

/// <summary>One row of the report: what a scenario sent, what it was told, and what the store holds.</summary>
public sealed record ScenarioResult(
    string Scenario, int Requests, int Acknowledged, int Lost, int Duplicated, string ServerErrors, string Recovery, bool Passed,
    IReadOnlyList<string> Notes);

/// <summary>Writes a run's table into docs/reliability.md, replacing the earlier run of the same command and keeping the others.</summary>
public static partial class Report
{
    public const string Marker = "<!-- Runs below are written by tests/Journal.Reliability: each command's latest run replaces its earlier one. -->";

    public static string Table(IReadOnlyList<ScenarioResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| scenario | requests | acknowledged | lost | duplicated | 5xx | recovery time | result |");
        table.AppendLine("|---|---:|---:|---:|---:|---|---|---|");
        foreach (var r in results)
            table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Requests} | {r.Acknowledged} | {r.Lost} | {r.Duplicated} | {r.ServerErrors} | {r.Recovery} | {(r.Passed ? "pass" : "**FAIL**")} |");
        return table.ToString();
    }

    public static void Write(string file, string command, string machine, IReadOnlyList<ScenarioResult> results)
    {
        var key = command;
        var section = new StringBuilder();
        section.AppendLine(CultureInfo.InvariantCulture, $"<!-- run: {key} -->");
        section.AppendLine(CultureInfo.InvariantCulture, $"### `{command}`");
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}.");
        section.AppendLine();
        section.Append(Table(results));
        foreach (var r in results.Where(r => r.Notes.Count > 0))
        {
            section.AppendLine();
            section.AppendLine(CultureInfo.InvariantCulture, $"{r.Scenario}:");
            section.AppendLine();
            foreach (var note in r.Notes) section.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        section.AppendLine("<!-- end run -->");

        var text = File.Exists(file) ? File.ReadAllText(file) : "# Reliability\n";
        if (!text.Contains(Marker, StringComparison.Ordinal)) text = text.TrimEnd() + "\n\n" + Marker + "\n";
        var existing = RunSection().Matches(text).FirstOrDefault(m => m.Groups["key"].Value == key);
        text = existing is not null
            ? text[..existing.Index] + section + text[(existing.Index + existing.Length)..]
            : text.TrimEnd() + "\n\n" + section;
        File.WriteAllText(file, text.TrimEnd() + "\n");
    }

    /// <summary>Host name, processor, cores, OS, .NET and PostgreSQL versions, and the load when the run began (the machine is shared).</summary>
    public static string Machine(string postgresVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"`{Environment.MachineName}` ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
            $"{RuntimeInformation.FrameworkDescription}, PostgreSQL {postgresVersion}; load average {load} at the start)");
    }

    [GeneratedRegex(@"<!-- run: (?<key>.+?) -->.*?<!-- end run -->\n?", RegexOptions.Singleline)]
    private static partial Regex RunSection();
}
