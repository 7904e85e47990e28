using System.Diagnostics;
using System.Globalization;

namespace Journal.Bench;

/// <summary>
/// CPU time used so far by the service processes, the PostgreSQL cluster (all its processes), HAProxy (when a side runs
/// behind it) and the benchmark itself.
/// </summary>
internal readonly record struct CpuTimes(double ServiceMs, double PostgresMs, double ProxyMs, double ClientMs)
{
    public double TotalMs => ServiceMs + PostgresMs + ProxyMs + ClientMs;

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) =>
        new(a.ServiceMs - b.ServiceMs, a.PostgresMs - b.PostgresMs, a.ProxyMs - b.ProxyMs, a.ClientMs - b.ClientMs);

    public static CpuTimes operator +(CpuTimes a, CpuTimes b) =>
        new(a.ServiceMs + b.ServiceMs, a.PostgresMs + b.PostgresMs, a.ProxyMs + b.ProxyMs, a.ClientMs + b.ClientMs);

    /// <summary>Each part divided by <paramref name="requests"/>.</summary>
    public CpuTimes Per(int requests)
    {
        var n = Math.Max(1, requests);
        return new(ServiceMs / n, PostgresMs / n, ProxyMs / n, ClientMs / n);
    }

    public string PerRequest(int requests)
    {
        var per = Per(requests);
        var proxy = ProxyMs > 0 ? string.Create(CultureInfo.InvariantCulture, $" + HAProxy {per.ProxyMs:0.00} ms") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"service {per.ServiceMs:0.00} ms + PostgreSQL {per.PostgresMs:0.00} ms{proxy} + client {per.ClientMs:0.00} ms = {per.TotalMs:0.00} ms");
    }
}

/// <summary>
/// Reads CPU time from /proc: on a 2-core machine shared with others, CPU per request is steadier than requests
/// per second, and shows which process a gap lives in. PostgreSQL's is the postmaster's, its live backends',
/// and (through the postmaster's children counters) its finished backends'.
/// </summary>
/// <remarks>A side's meter is this one <c>with</c> its own service processes and proxy: the service column sums them.</remarks>
internal sealed record CpuMeter(string PostgresDataDirectory)
{
    private static readonly double MsPerTick = 1000.0 / 100; // USER_HZ is 100 on Linux

    public IReadOnlyList<int> ServicePids { get; init; } = [];
    public int? ProxyPid { get; init; }

    public CpuTimes Take() => new(
        ServicePids.Sum(pid => ProcessMs(pid, children: false)),
        PostgresMs(),
        ProxyPid is { } proxy ? ProcessMs(proxy, children: false) : 0,
        Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);

    private double PostgresMs()
    {
        var pidFile = Path.Combine(PostgresDataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return 0;
        var total = ProcessMs(postmaster, children: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmaster) continue;
            if (Stat(pid) is { } stat && stat.ParentPid == postmaster) total += (stat.UserTicks + stat.SystemTicks) * MsPerTick;
        }
        return total;
    }

    private static double ProcessMs(int pid, bool children) => Stat(pid) is { } s
        ? (s.UserTicks + s.SystemTicks + (children ? s.ChildUserTicks + s.ChildSystemTicks : 0)) * MsPerTick
        : 0;

    private sealed record ProcStat(int ParentPid, long UserTicks, long SystemTicks, long ChildUserTicks, long ChildSystemTicks);

    private static ProcStat? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // gone
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // Fields after the command name, which is in parentheses and may hold spaces: state ppid … utime(14) stime(15) cutime(16) cstime(17).
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
        return new ProcStat((int)F(4), F(14), F(15), F(16), F(17));
    }
}
