using System.Diagnostics;
using System.Globalization;

namespace Journal.Bench;

/// <summary>
/// HAProxy as deploy/cluster/cluster.sh runs it: the repository's deploy/cluster/haproxy.cfg, addresses from the
/// environment, but in the foreground (<c>-db</c>) as the benchmark's child, so that its CPU can be read and it stops with the run.
/// </summary>
internal static class HaProxy
{
    private static string Program => File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";

    public static string Config => Path.Combine(Publisher.RepositoryRoot(), "deploy", "cluster", "haproxy.cfg");

    /// <summary>
    /// Listens on <paramref name="port"/> in front of <paramref name="nodes"/>. The configuration names three servers;
    /// with fewer nodes the last one fills the remaining places (one node behind the proxy: the proxy's own cost).
    /// </summary>
    public static ServiceProcess Start(int port, IReadOnlyList<ServiceProcess> nodes, string logFile)
    {
        if (nodes.Count is 0 or > 3) throw new ArgumentException("haproxy.cfg has places for one to three nodes", nameof(nodes));
        var info = new ProcessStartInfo(Program);
        foreach (var arg in new[] { "-db", "-f", Config }) info.ArgumentList.Add(arg);
        info.Environment["JOURNAL_CLUSTER_BIND"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        for (var i = 0; i < 3; i++) info.Environment[$"JOURNAL_NODE{i + 1}"] = nodes[Math.Min(i, nodes.Count - 1)].BaseAddress.Authority;
        return ServiceProcess.Run(info, logFile, ServiceProcess.Loopback(port));
    }

    /// <summary>"HAProxy version 2.6.12-1+deb12u4 …": the first line of <c>haproxy -v</c>, up to the date.</summary>
    public static async Task<string> VersionAsync(CancellationToken ct)
    {
        var info = new ProcessStartInfo(Program, "-v") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Program}");
        var first = (await process.StandardOutput.ReadToEndAsync(ct)).Split('\n')[0];
        await process.WaitForExitAsync(ct);
        var words = first.Split(' ');
        return words.Length >= 3 ? $"HAProxy {words[2]}" : first;
    }
}
