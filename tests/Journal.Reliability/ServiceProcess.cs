using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Journal.Reliability;

/// <summary>The service as its own OS process, from a Release publish, on a loopback port; it can be killed with SIGKILL.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly string _connectionString;
    private readonly StreamWriter _log;
    private Process? _process;

    public ServiceProcess(string dll, string connectionString, string logFile)
    {
        _dll = dll;
        _connectionString = connectionString;
        Port = FreePort();
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Publishes src/Journal.Service in Release (the committed Wolverine code, loaded statically) and returns its dll.</summary>
    public static async Task<string> PublishAsync(string repository, string output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        foreach (var arg in new[] { "publish", "src/Journal.Service", "-c", "Release", "-o", output, "--nologo", "-v", "q" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{await stdout}{await stderr}");
        return Path.Combine(output, "Journal.Service.dll");
    }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { _dll, "--urls", BaseAddress.ToString().TrimEnd('/') }) info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Journal"] = _connectionString;
        info.Environment["Journal__RateLimits__ApiPerMinute"] = "0"; // the harness is the flood; accounts and tokens stay on
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Log($"--- started pid {_process.Id} at {DateTimeOffset.UtcNow:O}");
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, connections cut mid-request.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        Log($"--- killed pid {_process.Id} (SIGKILL) at {DateTimeOffset.UtcNow:O}");
        _process.Dispose();
        _process = null;
    }

    /// <summary>Waits until /health/ready answers 200; fails when the process exits or the time runs out.</summary>
    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process is null || _process.HasExited) throw new InvalidOperationException("the service exited while starting; see its log");
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await client.GetAsync(new Uri(BaseAddress, "/health/ready"), cts.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the service was not ready within {timeout.TotalSeconds:F0} s");
    }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        await _log.DisposeAsync();
    }
}
