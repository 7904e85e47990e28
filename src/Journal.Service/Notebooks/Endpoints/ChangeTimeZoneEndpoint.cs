using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ChangeTimeZoneEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/time-zone", OperationId = "changeTimeZone")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the time zone")]
    [EndpointDescription("Moves the notebook to another IANA time zone and, optionally, another time its day starts. Days already recorded keep their dates; what \"today\" is follows the new setting from now on.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The time zone is changed; the body and the ETag give the notebook's new version.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Put(Guid notebookId, ChangeTimeZone command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ChangeTimeZoneDecider.Decide(command, notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
