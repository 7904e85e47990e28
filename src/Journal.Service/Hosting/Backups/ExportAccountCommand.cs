using System.Diagnostics;
using JasperFx.CommandLine;
using Journal.Accounts;
using Journal.Accounts.Rules;
using Journal.Notebooks.Exports;
using Marten;

namespace Journal.Hosting.Backups;

public sealed class AccountFileInput : NetCoreInput
{
    [Description("The account: its email address or its id")]
    public string Account { get; set; } = "";

    [Description("The file: the zip to write (export-account), or a zip or one notebook's events file to read (import-account)")]
    public string File { get; set; } = "";

    [Description("import-account only: replay the file through the deciders and say what an import would do, writing nothing")]
    [FlagAlias("check", 'c')]
    public bool CheckFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Journal.Service -- export-account ACCOUNT FILE</c>: every notebook of one account, straight
/// from the database (no sign-in, no running service needed), as the zip GET /api/export gives; <c>import-account</c>
/// takes it back, here or on another instance (docs/operations.md).
/// </summary>
[Description("Export one account's notebooks to a zip (the format of GET /api/export), straight from the database", Name = "export-account")]
public sealed class ExportAccountCommand : JasperFxAsyncCommand<AccountFileInput>
{
    public override async Task<bool> Execute(AccountFileInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await new SchemaCheck(store, host.Services.GetRequiredService<ILogger<SchemaCheck>>()).RunAsync(CancellationToken.None);
        var account = await AccountFiles.FindAsync(store, input.Account);
        if (account is null) return false;

        var file = Path.GetFullPath(input.File);
        var partial = file + ".partial"; // renamed once complete: a failed export never looks like a finished one
        var clock = Stopwatch.StartNew();
        try
        {
            await using var snapshot = await ExportSnapshot.OpenAsync(store, account.Id.ToString(), CancellationToken.None);
            (int Notebooks, long Events) written;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                Console.WriteLine($"Exporting the notebooks of {account.Email}…");
                written = await NotebookExports.WriteAccountAsync(snapshot.Session, account.Id, output, now, AccountFiles.Progress("written"), CancellationToken.None);
            }
            File.Move(partial, file, overwrite: true);
            Console.WriteLine($"Exported {written.Notebooks} notebooks ({written.Events} events) of {account.Email} to {file} " +
                $"({new FileInfo(file).Length / 1024.0:F0} KiB) in {clock.Elapsed.TotalSeconds:F1} s.");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            await Console.Error.WriteLineAsync($"Export failed; nothing was written to {file}. {e.Message}");
            return false;
        }
    }
}

/// <summary>What export-account and import-account share: finding the account, and progress lines.</summary>
internal static class AccountFiles
{
    public static async Task<Account?> FindAsync(IDocumentStore store, string account)
    {
        await using var session = store.QuerySession();
        var found = Guid.TryParse(account, out var id)
            ? await session.LoadAsync<Account>(id)
            : await session.Query<Account>().Where(a => a.Email == Emails.Normalize(account)).FirstOrDefaultAsync();
        if (found is null)
            await Console.Error.WriteLineAsync($"No account {account} here: name it by its email address or id (an account to import into signs up first).");
        return found;
    }

    /// <summary>A line per notebook while there are few, then one every 50.</summary>
    public static IProgress<(int Done, int Total, string Title)> Progress(string verb) => new Lines(verb);

    private sealed class Lines(string verb) : IProgress<(int Done, int Total, string Title)>
    {
        public void Report((int Done, int Total, string Title) value)
        {
            if (value.Total <= 50 || value.Done % 50 == 0 || value.Done == value.Total)
                Console.WriteLine($"  {value.Done} / {value.Total} {verb}: {value.Title}");
        }
    }
}
