using Journal.Http;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Exports;

public static class ExportNotebookEndpoint
{
    [WolverineGet("/api/notebooks/{notebookId}/export", OperationId = "exportNotebook")]
    [Tags("Export and import")]
    [EndpointSummary("Export a notebook")]
    [EndpointDescription("""
        format=events (the default) is JSON Lines, one event a line with its stored type, version, recorded time and data:
        exactly what a replay needs, and what POST /api/import takes back. format=markdown is the notebook as its page
        reads (title, status, plan, The Spark, progress, streaks, pace, every day with its full entry, rest days).
        format=csv is one row per logged day: date, day, title, summary, minutes, backfilled, recorded_at. The file
        streams as it is read, with a Content-Disposition file name made from the title.
        """)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/x-ndjson", "text/markdown", "text/csv", Description = "The file, in the format asked for, with a Content-Disposition file name.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, string? format, IQuerySession tenant, IDocumentStore store, TimeProvider clock, HttpContext http)
    {
        if (NotebookExports.Parse(format) is not { } chosen)
            return Problems.Result(Refusals.Invalid(new Dictionary<string, string[]>
            {
                ["format"] = ["format must be events (the default), markdown or csv."],
            }));
        var ct = http.RequestAborted;
        await using var snapshot = await ExportSnapshot.OpenAsync(store, tenant.TenantId, ct);
        var notebook = await snapshot.Session.LoadAsync<NotebookProgress>(notebookId, ct);
        if (notebook is null) return Problems.Result(Refusals.NotebookMissing(notebookId));

        Downloads.Start(http.Response, NotebookExports.MediaType(chosen), NotebookExports.FileName(notebook.Title, chosen));
        await NotebookExports.WriteAsync(snapshot.Session, notebook, chosen, http.Response.Body, clock.GetUtcNow(), ct);
        return Results.Empty;
    }
}
