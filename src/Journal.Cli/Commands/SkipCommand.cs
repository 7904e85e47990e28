using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal skip [NOTEBOOK] [--date D] [--reason R]</c>: a rest day taken on purpose.</summary>
internal static class SkipCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = Shared.Notebook(optional: true);
        var date = new Option<string?>("--date", "-d") { Description = "The rest day, yyyy-MM-dd (default: today; up to 30 days ahead)" };
        var reason = new Option<string?>("--reason", "-r") { Description = "Why you rest" };
        var json = Shared.Json();
        var command = new Command("skip", "Take a rest day on purpose") { notebook, date, reason, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            var day = JournalCli.Date(result.GetValue(date), "--date");
            using var api = ApiClient.SignedIn(context);
            var found = await Shared.FindAsync(api, result.GetValue(notebook), ct);
            var (skipped, raw) = await api.PostAsync<DayResponse>($"api/notebooks/{found.Id}/skips", new SkipDay(day, result.GetValue(reason)), ct);
            await context.Out.WriteLineAsync(result.GetValue(json) ? raw : $"Rest day in {found.Title}: {Layout.Day(skipped.Date)} (version {skipped.Version}).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
