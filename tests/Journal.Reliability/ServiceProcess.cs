using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Journal.Reliability;

/// <summary>The service as its own OS process, from a Release publish, on a loopback port; it can be killed with SIGKILL.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly StreamWriter _log;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    public ServiceProcess(string dll, string connectionString, string logFile)
        : this(dll, new Dictionary<string, string?> { ["ConnectionStrings__Journal"] = connectionString }, logFile)
    {
    }

    /// <param name="environment">Variables to set; a null value removes one (ConnectionStrings__Journal unset runs the embedded cluster).</param>
    public ServiceProcess(string dll, IReadOnlyDictionary<string, string?> environment, string logFile)
    {
        _dll = dll;
        _environment = environment;
        Port = FreePort();
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    /// <summary>Everything the process printed since it was made, across restarts.</summary>
    public string Output
    {
        get { lock (_log) return _output.ToString(); }
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
        info.Environment["Journal__RateLimits__ApiPerMinute"] = "0"; // the harness is the flood; accounts and tokens stay on
        foreach (var (name, value) in _environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
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

    /// <summary>SIGTERM, as an operator or a service manager stops it: the service shuts down and stops its embedded cluster.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        Log($"--- stopped pid {_process.Id} (SIGTERM), exit {_process.ExitCode}, at {DateTimeOffset.UtcNow:O}");
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs the same service build for one command (backup, restore, audit …) with this process's environment.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in _environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = string.Join('\n', ((await stdout) + (await stderr)).Split('\n')
            .Where(l => !l.StartsWith("Searching '", StringComparison.Ordinal) && !l.Contains("PublicKeyToken", StringComparison.Ordinal) && l.Trim() is not ("for commands" or "commands")));
        Log($"--- {string.Join(' ', args)}: exit {process.ExitCode}\n{output}");
        return (process.ExitCode, output);
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
        lock (_log)
        {
            _log.WriteLine(line);
            _output.AppendLine(line);
        }
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
            // SIGTERM first, so an embedded cluster is stopped with the service; SIGKILL if it does not go.
            try
            {
                await StopAsync();
            }
            catch (OperationCanceledException)
            {
                _process?.Kill(entireProcessTree: false);
                if (_process is not null) await _process.WaitForExitAsync();
            }
        }
        _process?.Dispose();
        await _log.DisposeAsync();
    }
}
