using System.Diagnostics;
using JasperFx.CommandLine;
using Journal.Notebooks.Progress;
using Marten;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;

namespace Journal.Notebooks.Audit;

/// <summary><c>dotnet run --project src/Journal.Service -- audit</c>: audits every notebook; non-zero exit on any drift.</summary>
[Description("Replay every notebook's stream and compare it with the stored read models", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var json = host.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Every account's notebooks: each is read in its own account's tenant.
        List<(Guid Id, string Tenant)> ids;
        await using (var all = store.QuerySession())
        {
            var started = await all.Events.QueryAllRawEvents().Where(e => e.AnyTenant() && e.EventTypeName == "notebook_started")
                .Select(e => new { e.StreamId, e.TenantId }).ToListAsync();
            ids = [.. started.Select(e => (e.StreamId, e.TenantId))];
        }
        Console.WriteLine($"Auditing {ids.Count} notebooks…");
        var clock = Stopwatch.StartNew();
        var drifted = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            await using var session = store.QuerySession(ids[i].Tenant);
            var audit = await NotebookAudit.RunAsync(session, ids[i].Id, now, json, CancellationToken.None);
            if (audit is { Consistent: false })
            {
                drifted++;
                Console.WriteLine($"  DRIFT {ids[i].Id}: {string.Join(", ", audit.Differences.Select(d => d.Field))} (account {ids[i].Tenant})");
            }
            if ((i + 1) % 500 == 0 || i + 1 == ids.Count)
                Console.WriteLine($"  {i + 1} / {ids.Count} checked ({(i + 1) / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0} per second)");
        }
        Console.WriteLine(drifted == 0
            ? $"All {ids.Count} notebooks are consistent with their events."
            : $"{drifted} of {ids.Count} notebooks drifted from their events: run 'projections rebuild' to restore them.");
        await host.StopAsync();
        return drifted == 0;
    }
}
