using System.CommandLine;
using System.Globalization;

namespace Journal.Cli.Commands;

/// <summary>
/// <c>journal export [NOTEBOOK] [--format events|markdown|csv] [-o FILE|-] [--force]</c>: a notebook in one format, or (no
/// notebook) the whole account as a zip; saved under the name the service gives it, or where -o says.
/// </summary>
internal static class ExportCommand
{
    public static Command Build(CliContext context)
    {
        var notebook = new Argument<string?>("notebook")
        {
            Description = "The notebook (title, start of title or id); leave it out for every notebook as one zip",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string?>("--format") { Description = "events (the default: what `journal import` takes back), markdown or csv" };
        format.AcceptOnlyFromAmong("events", "markdown", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (default: the service's file name here); - for standard output" };
        var force = new Option<bool>("--force") { Description = "Replace a file that exists" };
        var command = new Command("export", "Download a notebook (events, markdown or csv), or every notebook as a zip") { notebook, format, output, force };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            using var api = ApiClient.SignedIn(context);
            string path;
            if (result.GetValue(notebook) is { } name)
            {
                var found = await Shared.FindAsync(api, name, ct);
                path = $"api/notebooks/{found.Id}/export?format={result.GetValue(format) ?? "events"}";
            }
            else
            {
                if (result.GetValue(format) is not null)
                    throw new CliException(ExitCodes.Usage, "--format is for one notebook; the whole account is a zip that holds all three formats.");
                path = "api/export";
            }

            using var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), repeatable: true, ct);
            if (result.GetValue(output) == "-")
            {
                await response.Content.CopyToAsync(context.OutStream, ct);
                await context.OutStream.FlushAsync(ct);
                return ExitCodes.Ok;
            }
            var suggested = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "journal-export";
            var file = Path.GetFullPath(result.GetValue(output) ?? Path.GetFileName(suggested), context.WorkingDirectory);
            if (File.Exists(file) && !result.GetValue(force))
                throw new CliException(ExitCodes.Usage, $"{file} exists: add --force to replace it, or -o to write elsewhere.");
            var partial = file + ".partial";
            try
            {
                await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                    await response.Content.CopyToAsync(target, ct);
                File.Move(partial, file, overwrite: true);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {file} ({Size(new FileInfo(file).Length)})."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Size(long bytes) => bytes < 10_240
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB");
}
