using System.Globalization;

namespace Journal.Bench;

internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        ThreadPool.SetMinThreads(64, 64);
        // A hard bound on the whole run, set-up and clean-up aside.
        using var cancel = new CancellationTokenSource(options.Quick ? TimeSpan.FromMinutes(8) : TimeSpan.FromMinutes(45));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var failed = false;
        await using var run = new BenchRun(options);
        try
        {
            await run.RunAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("benchmark cancelled (Ctrl-C or over its time bound); partial results follow");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"benchmark stopped: {e.Message}; partial results follow");
            failed = true;
        }

        Console.WriteLine();
        foreach (var note in run.Notes) Console.WriteLine(note);
        Console.WriteLine();
        Console.WriteLine(Report.Text(run.Table));
        if (!options.ClusterOnly)
        {
            var targets = run.Figures.Where(f => f.HasTarget).ToList();
            Console.WriteLine($"{targets.Count(f => f.Pass == true)} of {targets.Count} targets met");
        }
        if (options.MarkdownFile is { } file)
        {
            await File.WriteAllTextAsync(file, Report.Markdown([$"arguments: `{string.Join(' ', args)}`", .. run.Notes], run.Table));
            Console.WriteLine($"table written to {file}");
        }
        return cancel.IsCancellationRequested || failed ? 1 : 0;
    }
}
