using System.Diagnostics;
using System.Text;

namespace Journal.Cli.Tests;

/// <summary>What a run of journal printed and how it ended.</summary>
public sealed record Run(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}--- error\n{Error}";
}

/// <summary>
/// A person's terminal for <c>journal</c>: its own config folder (their sign-in), working folder and environment. Runs the
/// command line in this process (the same code the tool runs, against the service on a real socket), or as the built
/// tool in a process of its own.
/// </summary>
public sealed class Terminal : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public Terminal(string? url = null)
    {
        Home = Directory.CreateTempSubdirectory("journal-cli-home-").FullName;
        Directory.CreateDirectory(WorkingDirectory);
        if (url is not null) _environment["JOURNAL_URL"] = url;
    }

    public string Home { get; }

    /// <summary>The user's config folder, as XDG_CONFIG_HOME names it; journal keeps its sign-in in journal/ there.</summary>
    public string ConfigHome => Path.Combine(Home, "config");

    public string ConfigFolder => Path.Combine(ConfigHome, "journal");

    public string WorkingDirectory => Path.Combine(Home, "work");

    public Func<HttpMessageHandler>? Handler { get; set; }

    public string? this[string variable]
    {
        get => _environment.GetValueOrDefault(variable);
        set => _environment[variable] = value;
    }

    /// <summary>Runs <c>journal ARGS</c> with <paramref name="input"/> as what is typed (or piped) in.</summary>
    public async Task<Run> JournalWithInput(string input, params string[] args)
    {
        var (output, error, bytes) = (new StringWriter(), new StringWriter(), new MemoryStream());
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(input),
            OutStream = bytes,
            Environment = name => _environment.GetValueOrDefault(name),
            ConfigFolder = ConfigFolder,
            WorkingDirectory = WorkingDirectory,
            MachineName = "test-machine",
            RetryDelay = TimeSpan.FromMilliseconds(20),
            Handler = Handler ?? (() => new SocketsHttpHandler()),
        };
        var exit = await JournalCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new Run(exit, output.ToString() + Encoding.UTF8.GetString(bytes.ToArray()), error.ToString());
    }

    public Task<Run> Journal(params string[] args) => JournalWithInput("", args);

    /// <summary>The built tool (src/Journal.Cli's output, same configuration) as its own process, as a shell runs it.</summary>
    public async Task<Run> Process(string input, params string[] args)
    {
        var tool = AppContext.BaseDirectory.Replace(Path.Combine("tests", "Journal.Cli.Tests"), Path.Combine("src", "Journal.Cli"), StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = WorkingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(tool, "journal.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        foreach (var (name, value) in _environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
