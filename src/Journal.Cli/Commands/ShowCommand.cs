using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal show NOTEBOOK [--days N] [--json]</c>: progress, streaks, pace and the last days.</summary>
internal static class ShowCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = Shared.Notebook(optional: false);
        var days = new Option<int>("--days") { Description = "How many of the last days and rest days to list", DefaultValueFactory = _ => 7 };
        var json = Shared.Json();
        var command = new Command("show", "Show a notebook: progress, streaks, pace and its last days") { notebook, days, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            using var api = ApiClient.SignedIn(context);
            var found = await Shared.FindAsync(api, result.GetValue(notebook), ct);
            var (progress, raw) = await api.GetRawAsync<NotebookProgressResponse>($"api/notebooks/{found.Id}", ct);
            await context.Out.WriteAsync(result.GetValue(json) ? raw + "\n" : Layout.Show(progress, Math.Max(0, result.GetValue(days))));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
