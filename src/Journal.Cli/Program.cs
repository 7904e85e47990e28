namespace Journal.Cli;

/// <summary>The <c>journal</c> tool: Ctrl-C interrupts the request under way; everything else is <see cref="JournalCli"/>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        return await JournalCli.RunAsync(args, CliContext.FromConsole(), interrupted.Token);
    }
}
