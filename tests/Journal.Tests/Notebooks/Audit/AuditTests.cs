using System.Diagnostics;
using System.Net;
using Journal.Contracts;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Notebooks.Audit;

public sealed class AuditTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    private async Task<AuditResponse> Audit(Guid id) =>
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/audit")).Read<AuditResponse>(HttpStatusCode.OK);

    private async Task<Guid> WorkedExample()
    {
        var id = await Host.StartedNotebook();
        await Host.SkippedDay(id, "2026-03-05", "Rest");
        foreach (var date in new[] { "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06", "2026-03-09" }) await Host.LoggedDay(id, date);
        return id;
    }

    private async Task Corrupt(Guid id)
    {
        await using var session = Store.LightweightSession(Owner.Id.ToString());
        var progress = (await session.LoadAsync<NotebookProgress>(id, TestContext.Current.CancellationToken))!;
        progress.DaysLogged = 42;
        progress.Title = "Tampered";
        progress.Days.RemoveAt(0);
        session.Store(progress);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_consistent_notebook_explains_its_runs_backfills_and_late_skips()
    {
        var id = await WorkedExample();

        var audit = await Audit(id);

        Assert.True(audit.Consistent);
        Assert.Empty(audit.Differences);
        Assert.Equal([
            new AuditRun(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), 4, [new DateOnly(2026, 3, 5)], new DateOnly(2026, 3, 7)),
            new AuditRun(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 9), 1, [], null),
        ], audit.Runs, RunComparer.Instance);
        // Recorded on March 10, every entry was backfilled and the skip was late.
        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06", "2026-03-09"], audit.BackfilledDays.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([new DateOnly(2026, 3, 5)], audit.LateSkips);
    }

    [Fact]
    public async Task Audit_names_exactly_the_corrupted_fields_and_a_rebuild_restores_them()
    {
        var id = await WorkedExample();
        var before = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        await Corrupt(id);

        var audit = await Audit(id);

        Assert.False(audit.Consistent);
        Assert.Equal(["title", "daysLogged", "days"], audit.Differences.Select(d => d.Field));
        Assert.Equal(42, audit.Differences[1].Stored!.Value.GetInt32());
        Assert.Equal(5, audit.Differences[1].Replayed!.Value.GetInt32());

        var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<NotebookProgressProjection>(TestContext.Current.CancellationToken);

        Assert.True((await Audit(id)).Consistent);
        Assert.Equal(before, await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_command_line_audit_fails_on_drift_and_projections_rebuild_mends_it()
    {
        var id = await WorkedExample();
        await Host.StartedNotebook(Api.RustOwnership() with { Title = "Untouched" });
        await Corrupt(id);

        var drift = await Cli("audit");
        Assert.NotEqual(0, drift.ExitCode);
        Assert.Contains($"DRIFT {id}: title, daysLogged, days", drift.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 notebooks drifted", drift.Output, StringComparison.Ordinal);

        var rebuild = await Cli("projections", "rebuild");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);

        var clean = await Cli("audit");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Contains("All 2 notebooks are consistent", clean.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the built service with a command verb against the test database.</summary>
    private async Task<(int ExitCode, string Output)> Cli(params string[] args)
    {
        var (exitCode, output, errors) = await ServiceProcess.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Journal"] = Fixture.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        }, args);
        return (exitCode, output + errors);
    }

    private sealed class RunComparer : IEqualityComparer<AuditRun>
    {
        public static readonly RunComparer Instance = new();
        public bool Equals(AuditRun? x, AuditRun? y) =>
            x is not null && y is not null && (x.From, x.To, x.Length, x.EndedBy) == (y.From, y.To, y.Length, y.EndedBy) && x.RestedDates.SequenceEqual(y.RestedDates);
        public int GetHashCode(AuditRun obj) => obj.From.GetHashCode();
    }
}
