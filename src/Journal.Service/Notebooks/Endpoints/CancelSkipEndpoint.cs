using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class CancelSkipEndpoint
{
    [WolverineDelete("/api/notebooks/{notebookId}/skips/{date}", OperationId = "cancelSkip")]
    [Tags("Days")]
    [EndpointSummary("Cancel a rest day")]
    [EndpointDescription("Takes back a rest day: the date is an ordinary day again and can be logged or skipped anew.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The rest day is cancelled; the body and the ETag give the notebook's new version.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound, Description = "No such notebook (`/problems/notebook-not-found`), or the date is not a rest day (`/problems/skip-not-found`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Delete(Guid notebookId, string date, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command: null,
            (notebook, _) => CancelSkipDecider.Decide(notebook, date),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
