using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Journal.Tests.Telemetry;

/// <summary>One sample of a Prometheus text exposition: the series name, its labels and its value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads /metrics as Prometheus would, from the machine itself.</summary>
public static partial class Scrape
{
    public static async Task<IReadOnlyList<Sample>> MetricsAsync(this IAlbaHost host)
    {
        // The exporter answers repeated scrapes within 300 ms from a cache: wait that out, so a scrape sees what came before it.
        await Task.Delay(350, TestContext.Current.CancellationToken);
        var result = await host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Loopback);
            s.StatusCodeShouldBeOk();
        });
        return Parse(await result.ReadAsTextAsync());
    }

    public static IReadOnlyList<Sample> Parse(string exposition) =>
        [.. exposition.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(ParseLine)];

    private static Sample ParseLine(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (brace < 0 || brace > space)
            return new Sample(line[..space], new Dictionary<string, string>(), double.Parse(line[(space + 1)..].Split(' ')[0], CultureInfo.InvariantCulture));
        var close = line.LastIndexOf('}');
        var labels = Label().Matches(line[(brace + 1)..close]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
        return new Sample(line[..brace], labels, double.Parse(line[(close + 2)..].Split(' ')[0], CultureInfo.InvariantCulture));
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public static double Sum(this IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
