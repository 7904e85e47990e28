using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal history NOTEBOOK [--json]</c>: every event of the notebook, in order.</summary>
internal static class HistoryCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = Shared.Notebook(optional: false);
        var json = Shared.Json();
        var command = new Command("history", "List a notebook's events in order: version, recorded time, type and gist") { notebook, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            using var api = ApiClient.SignedIn(context);
            var found = await Shared.FindAsync(api, result.GetValue(notebook), ct);
            var events = new List<HistoryEntry>();
            while (true)
            {
                var page = await api.GetAsync<HistoryEntry[]>(string.Create(CultureInfo.InvariantCulture,
                    $"api/notebooks/{found.Id}/history?afterVersion={(events.Count == 0 ? 0 : events[^1].Version)}&limit=1000"), ct);
                events.AddRange(page);
                if (page.Length < 1000) break;
            }
            await context.Out.WriteAsync(result.GetValue(json) ? JsonSerializer.Serialize(events, ApiClient.Json) + "\n" : Layout.History(events));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
