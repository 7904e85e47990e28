using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Journal.Tests.Accounts;
using Journal.Tests.Notebooks.Exports;

namespace Journal.Tests.Hosting;

/// <summary>
/// <c>export-account</c> and <c>import-account</c>, run as an operator runs them (the built service as a process) against
/// the database the service uses: the zip holds what GET /api/export gives, and it imports all or nothing.
/// </summary>
public sealed class AccountFilesTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task An_account_exported_by_the_operator_imports_into_another_account_as_the_api_would()
    {
        var seed = await Host.LearningRust(Clock);
        var other = await Host.StartedNotebook(new StartNotebook("Leap year", new Plan(5, 7), StartDate: new DateOnly(2024, 2, 26)));
        await Host.LoggedDay(other, "2024-02-29");
        var (someoneId, someone) = await Fixture.Someone();
        var folder = Directory.CreateTempSubdirectory("journal-account-files-").FullName;
        var file = Path.Combine(folder, "owner.zip");
        try
        {
            var export = await Run("export-account", Owner.Email, file);
            Assert.True(export.ExitCode == 0, export.Errors + export.Output);
            Assert.Contains("Exported 2 notebooks (10 events) of owner@example.com to", export.Output, StringComparison.Ordinal);
            Assert.Contains("2 / 2 written: Learning Rust", export.Output, StringComparison.Ordinal);
            using (var zip = ZipFile.OpenRead(file))
            {
                var manifest = JsonSerializer.Deserialize<ExportManifest>(zip.GetEntry("manifest.json")!.Open(), Api.Json)!;
                Assert.Equal(Owner.Id, manifest.AccountId);
                foreach (var notebook in manifest.Notebooks)
                {
                    using var events = new StreamReader(zip.GetEntry(notebook.Events)!.Open());
                    Assert.Equal(Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{notebook.Id}/export")), await events.ReadToEndAsync(TestContext.Current.CancellationToken));
                }
            }

            var rows = await Host.EventRows();
            var check = await Run("import-account", someoneId.ToString(), file, "--check");
            Assert.True(check.ExitCode == 0, check.Errors + check.Output);
            Assert.Contains("importing would create 2 notebooks and leave 0 unchanged in someone@example.com; nothing was written.", check.Output, StringComparison.Ordinal);
            Assert.Equal(rows, await Host.EventRows());

            var import = await Run("import-account", "Someone@Example.com", file);
            Assert.True(import.ExitCode == 0, import.Errors + import.Output);
            Assert.Contains("Replaying 2 notebooks (10 events) through the deciders…", import.Output, StringComparison.Ordinal);
            Assert.Contains("Imported 2 notebooks into someone@example.com; 0 were there already, unchanged.", import.Output, StringComparison.Ordinal);
            foreach (var id in new[] { seed, other })
                Assert.Equal(await Host.Download($"/api/notebooks/{id}/export"), await Host.Download($"/api/notebooks/{id}/export", AccountsApi.Bearer(someone)));

            var nobody = await Run("import-account", "nobody@example.com", file);
            Assert.Equal(1, nobody.ExitCode);
            Assert.Contains("No account nobody@example.com here", nobody.Errors, StringComparison.Ordinal);

            // A file that breaks a rule is refused whole, naming where, and nothing is written.
            var broken = Path.Combine(folder, "broken.events.jsonl");
            var lines = Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{other}/export")).Replace("\"backfilled\":true", "\"backfilled\":false", StringComparison.Ordinal);
            await File.WriteAllTextAsync(broken, lines, TestContext.Current.CancellationToken);
            rows = await Host.EventRows();
            var refused = await Run("import-account", Owner.Email, broken);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Import refused: broken.events.jsonl, line 2 (day_logged, version 2): the service decides this day_logged differently", refused.Errors, StringComparison.Ordinal);
            Assert.Equal(rows, await Host.EventRows());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        ServiceProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Journal"] = Fixture.ConnectionString }, args);
}
