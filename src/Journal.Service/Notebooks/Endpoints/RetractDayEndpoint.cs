using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class RetractDayEndpoint
{
    [WolverineDelete("/api/notebooks/{notebookId}/days/{date}", OperationId = "retractDay")]
    [Tags("Days")]
    [EndpointSummary("Retract a day")]
    [EndpointDescription("Takes a logged day back: the day no longer counts and its page is gone, but nothing is deleted; a compensating event records the retraction and the history keeps the entry. The date can be logged again afterwards.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The day is retracted; the body and the ETag give the notebook's new version.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound, Description = "No such notebook (`/problems/notebook-not-found`), or no entry on that date (`/problems/day-not-found`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Delete(Guid notebookId, string date, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command: null,
            (notebook, _) => RetractDayDecider.Decide(notebook, date),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
