using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class RetractDayEndpoint
{
    [WolverineDelete("/api/notebooks/{notebookId}/days/{date}")]
    [Tags("Days")]
    [EndpointSummary("Retract a logged day (a compensating event; nothing is deleted)")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Delete(Guid notebookId, string date, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command: null,
            (notebook, _) => RetractDayDecider.Decide(notebook, date),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
