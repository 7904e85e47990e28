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
    [WolverineGet("/api/notebooks/{notebookId}/audit")]
    [Tags("History and audit")]
    [EndpointSummary("Replay the stream and compare every stored figure; explain each run of study")]
    [ProducesResponseType<AuditResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, IQuerySession session, TimeProvider clock, IOptions<HttpJsonOptions> json, CancellationToken ct)
    {
        var audit = await NotebookAudit.RunAsync(session, notebookId, clock.GetUtcNow(), json.Value.SerializerOptions, ct);
        return audit is null ? Problems.Result(Refusals.NotebookMissing(notebookId)) : TypedResults.Ok(audit);
    }
}
