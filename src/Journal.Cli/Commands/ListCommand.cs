using System.CommandLine;
using System.Text.Json;

namespace Journal.Cli.Commands;

/// <summary><c>journal ls [--status S] [--json]</c>: every notebook, most recent activity first.</summary>
internal static class ListCommand
{
    public static Command Build(CliContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only notebooks in this status: InProgress, Completed or Abandoned" };
        status.AcceptOnlyFromAmong("InProgress", "Completed", "Abandoned");
        var json = Shared.Json();
        var command = new Command("ls", "List your notebooks, most recent activity first") { status, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            using var api = ApiClient.SignedIn(context);
            var notebooks = await api.NotebooksAsync(result.GetValue(status), ct);
            await context.Out.WriteAsync(result.GetValue(json) ? JsonSerializer.Serialize(notebooks, ApiClient.Json) + "\n" : Layout.List(notebooks));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
