using System.CommandLine;
using System.Net.Http.Headers;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary>
/// <c>journal import FILE [--json]</c>: an events export (one notebook's .jsonl, or an account's .zip) into this account,
/// all or nothing. Sent again when the connection drops: a second import of the same file changes nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "An events export: one notebook's .jsonl, or the .zip of `journal export`" };
        file.AcceptExistingOnly();
        var json = Shared.Json();
        var command = new Command("import", "Import notebooks from an events export (.jsonl or .zip) into this account") { file, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            var path = result.GetValue(file)!.FullName;
            var zip = await IsZipAsync(path, ct);
            using var api = ApiClient.SignedIn(context);
            using var response = await api.SendAsync(() =>
            {
                var content = new StreamContent(File.OpenRead(path));
                content.Headers.ContentType = new MediaTypeHeaderValue(zip ? "application/zip" : "application/x-ndjson");
                return new HttpRequestMessage(HttpMethod.Post, "api/import") { Content = content };
            }, repeatable: true, ct);
            var raw = await response.Content.ReadAsStringAsync(ct);
            if (result.GetValue(json))
            {
                await context.Out.WriteLineAsync(raw);
                return ExitCodes.Ok;
            }
            var imported = ApiClient.Deserialize<ImportResponse>(raw);
            foreach (var notebook in imported.Notebooks)
                await context.Out.WriteLineAsync($"  {(notebook.Outcome == "created" ? "imported" : "already here, unchanged")}: {notebook.Title} ({notebook.Id}, {notebook.Events} events)");
            await context.Out.WriteLineAsync($"{imported.Created} imported, {imported.Unchanged} unchanged.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<bool> IsZipAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var head = new byte[2];
        return await stream.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, ct) == 2 && head[0] == 'P' && head[1] == 'K';
    }
}
