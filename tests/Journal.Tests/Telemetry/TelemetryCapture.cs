using System.Collections;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Journal.Tests.Telemetry;

/// <summary>
/// The spans the app's tracer hands to OpenTelemetry's in-memory exporter, kept only while a test records (the shared
/// host traces every test's requests; only the recording test's are of interest).
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();
    private bool _recording;

    public IDisposable Record()
    {
        lock (_lock)
        {
            _spans.Clear();
            _recording = true;
        }
        return new Stop(() => { lock (_lock) _recording = false; });
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_lock) return [.. _spans];
        }
    }

    /// <summary>The spans once one matches <paramref name="done"/> (a server span ends just after its answer reaches the client).</summary>
    public async Task<IReadOnlyList<Activity>> WaitFor(Func<Activity, bool> done)
    {
        for (var i = 0; i < 100 && !Spans.Any(done); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        return Spans;
    }

    public void Add(Activity item)
    {
        lock (_lock)
            if (_recording) _spans.Add(item);
    }

    public void Clear()
    {
        lock (_lock) _spans.Clear();
    }

    public bool Contains(Activity item) => Spans.Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => Spans.ToList().CopyTo(array, arrayIndex);
    public bool Remove(Activity item) => throw new NotSupportedException();
    public int Count => Spans.Count;
    public bool IsReadOnly => false;
    public IEnumerator<Activity> GetEnumerator() => Spans.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}

/// <summary>
/// Every log entry of the app while a test records, written by the console's own JSON formatter (what
/// <c>Logging:Console:FormatterName=json</c> prints), at every level down to Trace.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Line)> _lines = [];
    private readonly Lock _lock = new();
    private volatile bool _recording;

    /// <summary>The console's JSON formatter, from the app's services once the host is built.</summary>
    public ConsoleFormatter? Formatter { get; set; }

    public IDisposable Record()
    {
        lock (_lock)
        {
            _lines.Clear();
            _recording = true;
        }
        return new Stop(() => _recording = false);
    }

    public IReadOnlyList<(LogLevel Level, string Line)> Lines
    {
        get
        {
            lock (_lock) return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capturing(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => capture._recording && capture.Formatter is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            using var writer = new StringWriter();
            capture.Formatter!.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, writer);
            lock (capture._lock) capture._lines.Add((logLevel, writer.ToString()));
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();
        public void Dispose()
        {
        }
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}

/// <summary>
/// A stand-in OTLP/HTTP collector on a loopback port: accepts every export (200, empty body) and keeps the bodies, so
/// a test can see that traces really leave the process when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _received = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;

    public OtlpSink()
    {
        Port = TestMachine.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<(string Path, byte[] Body)> Received
    {
        get
        {
            lock (_lock) return [.. _received];
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_lock) _received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }


    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
