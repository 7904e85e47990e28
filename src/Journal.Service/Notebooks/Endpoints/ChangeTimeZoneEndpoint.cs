using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ChangeTimeZoneEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/time-zone")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the time zone and day start (applies to dates computed from now on)")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Put(Guid notebookId, ChangeTimeZone command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ChangeTimeZoneDecider.Decide(command, notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
