using System.CommandLine;
using System.Globalization;

namespace Journal.Cli;

/// <summary>
/// <c>journal</c>: the study journal from a terminal. Each command is built in Commands/ (one file each) and talks to the
/// HTTP API with the personal access token <c>journal login</c> keeps. Every failure ends as one line on standard error
/// and an exit code from <see cref="ExitCodes"/>, never a stack trace.
/// </summary>
public static class JournalCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("journal: keep your study notebooks from a terminal. Sign in once with `journal login`, then "
            + "`journal log --title \"What I studied\"` records today. Exit codes: 0 done, 1 refused by the service, 2 wrong command line, "
            + "3 no such notebook, 4 not signed in or not allowed, 5 service unreachable, 6 audit found drift.")
        {
            Commands.LoginCommand.Build(context),
            Commands.LogoutCommand.Build(context),
            Commands.ListCommand.Build(context),
            Commands.ShowCommand.Build(context),
            Commands.StartCommand.Build(context),
            Commands.LogCommand.Build(context),
            Commands.SkipCommand.Build(context),
            Commands.HistoryCommand.Build(context),
            Commands.AuditCommand.Build(context),
            Commands.ExportCommand.Build(context),
            Commands.ImportCommand.Build(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = Build(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await context.Error.WriteLineAsync($"journal: {error.Message}");
            var command = parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name + " ";
            await context.Error.WriteLineAsync($"Run `journal {command}--help` for what it takes.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false }, ct);
    }

    /// <summary>Runs a command's work: a failure becomes its one line and exit code.</summary>
    public static async Task<int> Guard(CliContext context, Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (CliException e)
        {
            await context.Error.WriteLineAsync($"journal: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("journal: interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"journal: {e.Message}");
            return ExitCodes.Refused;
        }
#pragma warning disable CA1031 // the last line of defence: a message, never a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync($"journal: unexpected failure ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>"2026-11-29" → a date; anything else is a usage error naming the option.</summary>
    public static DateOnly? Date(string? value, string option)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new CliException(ExitCodes.Usage, $"{option} takes a date as yyyy-MM-dd, such as 2026-11-29; \"{value}\" is not one.");
    }
}
