using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary>
/// <c>journal log [NOTEBOOK] --title T [--summary S] [--minutes N] [--date D] [--entry-file F | --edit]</c>: a study day in
/// one line. The notebook may be left out while only one is in progress; the date defaults to its today.
/// </summary>
internal static class LogCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = Shared.Notebook(optional: true);
        var title = new Option<string>("--title", "-t") { Description = "What you studied, in a line", Required = true };
        var summary = new Option<string?>("--summary", "-s") { Description = "A short summary" };
        var minutes = new Option<int?>("--minutes", "-m") { Description = "Minutes studied" };
        var date = new Option<string?>("--date", "-d") { Description = "The day studied, yyyy-MM-dd (default: today in the notebook's time zone)" };
        var entryFile = new Option<string?>("--entry-file", "-f") { Description = "The full entry (Markdown) from a file; - reads it from standard input" };
        var edit = new Option<bool>("--edit", "-e") { Description = "Write the full entry in $EDITOR" };
        var json = Shared.Json();
        var command = new Command("log", "Record a study day") { notebook, title, summary, minutes, date, entryFile, edit, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            if (result.GetValue(entryFile) is not null && result.GetValue(edit))
                throw new CliException(ExitCodes.Usage, "give --entry-file or --edit, not both.");
            var day = JournalCli.Date(result.GetValue(date), "--date");
            using var api = ApiClient.SignedIn(context);
            var found = await Shared.FindAsync(api, result.GetValue(notebook), ct);

            string? entry = null;
            if (result.GetValue(entryFile) is { } path)
                entry = path == "-" ? await context.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(Path.Combine(context.WorkingDirectory, path), ct);
            else if (result.GetValue(edit))
            {
                entry = await Editor.EditAsync(context, ct);
                if (string.IsNullOrWhiteSpace(entry)) throw new CliException(ExitCodes.Refused, "the entry is empty: nothing was logged.");
            }

            var (logged, raw) = await api.PostAsync<DayLoggedResponse>($"api/notebooks/{found.Id}/days",
                new LogDay(result.GetValue(title)!, day, result.GetValue(summary), entry, result.GetValue(minutes)), ct);
            await context.Out.WriteLineAsync(result.GetValue(json) ? raw : $"Logged Day {logged.DayNumber} of {found.Title}: {Layout.Day(logged.Date)} (version {logged.Version}).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
