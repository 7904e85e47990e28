using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class CancelSkipEndpoint
{
    [WolverineDelete("/api/notebooks/{notebookId}/skips/{date}")]
    [Tags("Days")]
    [EndpointSummary("Cancel a rest day")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Delete(Guid notebookId, string date, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command: null,
            (notebook, _) => CancelSkipDecider.Decide(notebook, date),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
