using System.Globalization;
using System.Runtime.InteropServices;

namespace Journal.Bench;

/// <summary>What the figures were measured on, read from /proc: the line every reported run starts with.</summary>
internal static class Machine
{
    /// <summary>"2 cores (Intel(R) Xeon(R) Processor), 24 GiB, Linux 6.18.44, .NET 10.0.1".</summary>
    public static string Describe()
    {
        var model = ProcLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ProcLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } mem
            ? long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0
            : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({model}), {memory:0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages: how much else the machine was doing.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static IEnumerable<string> ProcLines(string file) => File.Exists(file) ? File.ReadLines(file) : [];
}
