using System.Net;
using CsCheck;
using Journal.Contracts;
using Journal.Tests.Accounts;
using Journal.Tests.Notebooks.Progress;

namespace Journal.Tests.Notebooks.Exports;

/// <summary>
/// Random command histories (new notebooks and ones of years ago, in several zones) → export the events → import them
/// into a fresh account → the re-export is the same file byte for byte, and every read answers the same.
/// </summary>
public sealed class RoundTripPropertyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly (DateOnly Start, string Zone)[] Notebooks =
    [
        (new DateOnly(2026, 3, 2), "America/New_York"),
        (new DateOnly(2024, 2, 20), "Europe/Berlin"),   // the leap day inside the plan
        (new DateOnly(2024, 12, 25), "Pacific/Auckland"), // across a year end
        (new DateOnly(1999, 12, 28), "UTC"),
    ];

    private static readonly Gen<(int Notebook, CommandStep[] Steps)> Histories = Gen.Select(Gen.Int[0, Notebooks.Length - 1],
        Gen.Select(Gen.Enum<CommandSteps.Kind>(), Gen.Int[0, 20], Gen.Int[1, 12], (k, o, n) => new CommandStep(k, o, n)).Array[3, 30]);

    [Fact]
    public async Task Any_history_exported_and_imported_elsewhere_exports_the_same_file_and_reads_the_same()
    {
        var (_, elsewhere) = await Fixture.Someone();
        await Histories.SampleAsync(async history =>
        {
            Clock.Now = TestClock.Default;
            var (start, zone) = Notebooks[history.Notebook];
            var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(8, 20, 30), StartDate = start, TimeZone = zone });
            foreach (var step in history.Steps) await CommandSteps.Run(Host, Clock, id, start.AddDays(step.Offset), step);

            var file = await Host.Download($"/api/notebooks/{id}/export");
            var imported = await (await Host.Import(file, token: elsewhere)).Read<ImportResponse>(HttpStatusCode.Created);
            Assert.Equal("created", Assert.Single(imported.Notebooks).Outcome);

            Assert.Equal(file, await Host.Download($"/api/notebooks/{id}/export", AccountsApi.Bearer(elsewhere)));
            var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
            var reads = new[] { "", "/audit", $"?version={(progress.Version + 1) / 2}", "/export?format=markdown", "/export?format=csv" }
                .Concat(progress.Days.Select(d => $"/days/{d.Date:yyyy-MM-dd}"));
            foreach (var read in reads)
                Assert.Equal(await Text($"/api/notebooks/{id}{read}"), await Text($"/api/notebooks/{id}{read}", AccountsApi.Bearer(elsewhere)));
        }, iter: 15, threads: 1);
    }

    private async Task<string> Text(string url, params (string Name, string Value)[] headers)
    {
        var response = await Host.Send(HttpMethod.Get, url, null, headers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
