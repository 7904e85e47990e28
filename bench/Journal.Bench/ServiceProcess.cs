using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Journal.Bench;

/// <summary>A process the benchmark runs and answers HTTP on 127.0.0.1: the published service, the bare app, or HAProxy.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly long _startedAt;
    private bool _disposed;
    private bool _stopping;

    private ServiceProcess(Process process, StreamWriter log, long startedAt, Uri baseAddress)
    {
        _process = process;
        _log = log;
        _startedAt = startedAt;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Throws, naming the log, when the process is gone (a crash, or something on the machine ending it).</summary>
    public void EnsureAlive(string logFile)
    {
        if (!_disposed && !_stopping && _process.HasExited)
            throw new InvalidOperationException($"{BaseAddress} exited with code {_process.ExitCode} during the run; its output: {logFile}");
    }
    public int Pid => _process.Id;

    /// <summary>
    /// Starts <c>dotnet {dll} --urls http://127.0.0.1:{port}</c> in Production, on <paramref name="port"/> or a free one,
    /// its output to <paramref name="logFile"/>.
    /// </summary>
    public static ServiceProcess Start(string dll, string logFile, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var url = Loopback(port ?? FreePorts(1));
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.GetLeftPart(UriPartial.Authority));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return Run(info, logFile, url);
    }

    /// <summary>Starts <paramref name="info"/>'s program, which is to answer at <paramref name="baseAddress"/>, its output to <paramref name="logFile"/>.</summary>
    public static ServiceProcess Run(ProcessStartInfo info, string logFile, Uri baseAddress)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, log, startedAt, baseAddress);
    }

    public static Uri Loopback(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

    /// <summary>Time from process start until <paramref name="probe"/> first answers 2xx; retried every 10 ms.</summary>
    public async Task<TimeSpan> WaitUntilServingAsync(Func<HttpClient, Task<HttpResponseMessage>> probe, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient(JournalApi.NewHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = _startedAt + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{BaseAddress} exited with {_process.ExitCode} before serving; see its log");
            try
            {
                using var response = await probe(http);
                if (response.IsSuccessStatusCode) return Stopwatch.GetElapsedTime(_startedAt);
                throw new InvalidOperationException($"{BaseAddress} answered the probe with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10, ct); // not listening yet
            }
        }
        throw new TimeoutException($"{BaseAddress} did not serve within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Peak resident set size so far (VmHWM), in bytes.</summary>
    public long PeakRssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    public async Task StopAsync()
    {
        _stopping = true;
        if (!_disposed && !_process.HasExited)
        {
            // SIGTERM, so the host shuts down as in production; killed if it takes too long.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await StopAsync();
        _disposed = true;
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports free on loopback now, as deploy/cluster/cluster.sh lays
    /// out a cluster (the proxy's port, then its nodes').
    /// </summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = FreePort();
            if (first + count - 1 <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"found no {count} consecutive free ports on 127.0.0.1");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
