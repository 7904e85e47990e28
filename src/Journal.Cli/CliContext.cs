using System.Net;

namespace Journal.Cli;

/// <summary>
/// Everything <c>journal</c> touches outside itself: the terminal, the environment, the config folder, the network and
/// the editor. The program runs with the real ones; tests give their own (a console in memory, a handler that drops a
/// connection), so the very same code runs in both.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required TextReader In { get; init; }

    /// <summary>Standard output as bytes, for a download written to <c>-</c>.</summary>
    public required Stream OutStream { get; init; }

    /// <summary>A person at a terminal: prompts are shown and a password is read without echo.</summary>
    public bool Interactive { get; init; }

    /// <summary>Reads a password without echoing it (at a terminal); null at the end of input.</summary>
    public Func<string?> ReadSecret { get; init; } = () => null;

    public required Func<string, string?> Environment { get; init; }

    /// <summary>Where the sign-in is kept: the user's config folder and "journal" (~/.config/journal on Linux).</summary>
    public required string ConfigFolder { get; init; }

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public string MachineName { get; init; } = System.Environment.MachineName;

    public Func<HttpMessageHandler> Handler { get; init; } = () => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The first wait before a retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        OutStream = Console.OpenStandardOutput(),
        Interactive = !Console.IsInputRedirected,
        ReadSecret = ReadHidden,
        Environment = System.Environment.GetEnvironmentVariable,
        ConfigFolder = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData, System.Environment.SpecialFolderOption.DoNotVerify), "journal"),
    };

    private static string? ReadHidden()
    {
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (secret.Length > 0) secret.Length--; }
            else if (!char.IsControl(key.KeyChar)) secret.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return secret.ToString();
    }
}
