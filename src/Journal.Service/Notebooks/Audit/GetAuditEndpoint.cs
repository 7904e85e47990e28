using Journal.Contracts;
using Journal.Http;
using Marten;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Journal.Notebooks.Audit;

public static class GetAuditEndpoint
{
    [WolverineGet("/api/notebooks/{notebookId}/audit", OperationId = "auditNotebook")]
    [Tags("History and audit")]
    [EndpointSummary("Audit a notebook")]
    [EndpointDescription("Replays the notebook's events from the start and compares every figure the read models serve (days, streaks, pace, status, each day page) with the replay, and explains each run of consecutive study days. A consistent notebook lists no differences.")]
    [ProducesResponseType<AuditResponse>(StatusCodes.Status200OK, Description = "The audit: whether the read models agree with the events, any differences, and the runs of study.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, IQuerySession session, TimeProvider clock, IOptions<HttpJsonOptions> json, CancellationToken ct)
    {
        var audit = await NotebookAudit.RunAsync(session, notebookId, clock.GetUtcNow(), json.Value.SerializerOptions, ct);
        return audit is null ? Problems.Result(Refusals.NotebookMissing(notebookId)) : TypedResults.Ok(audit);
    }
}
