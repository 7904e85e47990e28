using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal audit NOTEBOOK [--json]</c>: the stored figures against a replay; exit 6 on any drift.</summary>
internal static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = Shared.Notebook(optional: false);
        var json = Shared.Json();
        var command = new Command("audit", "Replay a notebook's events, compare every stored figure and explain its runs (exit 6 on drift)") { notebook, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            using var api = ApiClient.SignedIn(context);
            var found = await Shared.FindAsync(api, result.GetValue(notebook), ct);
            var (audit, raw) = await api.GetRawAsync<AuditResponse>($"api/notebooks/{found.Id}/audit", ct);
            var progress = await api.GetAsync<NotebookProgressResponse>($"api/notebooks/{found.Id}", ct);
            await context.Out.WriteAsync(result.GetValue(json) ? raw + "\n" : $"{found.Title}\n{Layout.Audit(audit, progress.Version)}");
            return audit.Consistent ? ExitCodes.Ok : ExitCodes.Drift;
        }));
        return command;
    }
}
