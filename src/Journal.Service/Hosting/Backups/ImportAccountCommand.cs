using JasperFx.CommandLine;
using Journal.Notebooks.Exports;
using Marten;

namespace Journal.Hosting.Backups;

/// <summary>
/// <c>dotnet run --project src/Journal.Service -- import-account ACCOUNT FILE [--check]</c>: the notebooks of an account
/// export (or of one notebook's events file) into an account of this instance, straight to the database, all or nothing,
/// through the same replay as POST /api/import: every event decided again by the deciders at its recorded time.
/// </summary>
[Description("Import an account export (zip) or one notebook's events file into an account, straight to the database", Name = "import-account")]
public sealed class ImportAccountCommand : JasperFxAsyncCommand<AccountFileInput>
{
    public override async Task<bool> Execute(AccountFileInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var file = Path.GetFullPath(input.File);
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No file at {file}.");
            return false;
        }
        await new SchemaCheck(store, host.Services.GetRequiredService<ILogger<SchemaCheck>>()).RunAsync(CancellationToken.None);
        var account = await AccountFiles.FindAsync(store, input.Account);
        if (account is null) return false;

        await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        Console.WriteLine($"Reading {file}…");
        var (notebooks, failed) = await NotebookImports.ReadAsync(content, Path.GetFileName(file), CancellationToken.None);
        if (failed is null) Console.WriteLine($"Replaying {notebooks.Count} notebooks ({notebooks.Sum(n => n.Count)} events) through the deciders…");
        var outcome = failed ?? await NotebookImports.ImportAsync(store, account.Id.ToString(), notebooks, AccountFiles.Progress("checked"),
            CancellationToken.None, check: input.CheckFlag);
        if (outcome.Imported is not { } imported)
        {
            await Console.Error.WriteLineAsync($"Import refused: {ImportProblems.Detail(outcome.Problem!)}");
            return false;
        }
        foreach (var notebook in imported.Notebooks.Where(n => n.Outcome == "unchanged"))
            Console.WriteLine($"  already there, unchanged: {notebook.Title} ({notebook.Id})");
        Console.WriteLine(input.CheckFlag
            ? $"Checked: importing would create {imported.Created} notebooks and leave {imported.Unchanged} unchanged in {account.Email}; nothing was written."
            : $"Imported {imported.Created} notebooks into {account.Email}; {imported.Unchanged} were there already, unchanged.");
        return true;
    }
}
