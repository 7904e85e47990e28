using System.Security.Claims;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Exports;

public static class ExportAccountEndpoint
{
    [WolverineGet("/api/export", OperationId = "exportAccount")]
    [Tags("Export and import")]
    [EndpointSummary("Export every notebook")]
    [EndpointDescription("""
        A zip with manifest.json (the notebooks, their versions and files) and, per notebook, a folder with
        events.jsonl, notebook.md and days.csv: the three formats of GET /api/notebooks/{id}/export. It streams as it
        is written, one notebook at a time, all read in one consistent snapshot. POST /api/import takes the zip back,
        here or on another instance.
        """)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, "application/zip", Description = "A zip of every notebook in the three formats, with a manifest.")]
    public static async Task<IResult> Get(IQuerySession tenant, IDocumentStore store, TimeProvider clock, ClaimsPrincipal user, HttpContext http)
    {
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        await using var snapshot = await ExportSnapshot.OpenAsync(store, tenant.TenantId, ct);
        Downloads.Start(http.Response, "application/zip", NotebookExports.AccountFileName(now));
        await NotebookExports.WriteAccountAsync(snapshot.Session, user.AccountId(), http.Response.Body, now, progress: null, ct);
        return Results.Empty;
    }
}
