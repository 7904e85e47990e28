using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;

namespace Journal.Api.Tests;

/// <summary>
/// Prism's validating proxy (`prism proxy`) between a client and the app: it forwards every request and reports, in an
/// <c>sl-violations</c> header, where the request or the answer departs from the OpenAPI document.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _output = new();
    private Task? _running;

    public Uri Address { get; private set; } = null!;

    /// <summary>The document Prism reads; removed with the proxy.</summary>
    private NodeTools.DocumentFile? _document;

    public static async Task<PrismProxy> StartAsync(string document, Uri upstream, CancellationToken ct)
    {
        var proxy = new PrismProxy { _document = await NodeTools.WriteDocumentAsync(document, ct) };
        var port = FreePort();
        proxy.Address = new Uri($"http://127.0.0.1:{port}");
        proxy._running = Cli.Wrap(NodeTools.Bin("prism"))
            .WithArguments(["proxy", proxy._document.Path, upstream.ToString().TrimEnd('/'), "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", "false"])
            .WithWorkingDirectory(NodeTools.Folder)
            .WithEnvironmentVariables(NodeTools.Quiet)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(proxy._output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(proxy._output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(CancellationToken.None, proxy._stop.Token);

        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (proxy._running.IsCompleted) throw new InvalidOperationException($"Prism stopped before it listened:\n{proxy._output}");
            try
            {
                using var answer = await probe.GetAsync(new Uri(proxy.Address, "/health/live"), ct);
                return proxy;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    public string Output => _output.ToString();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try { await _running; }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
        _document?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
