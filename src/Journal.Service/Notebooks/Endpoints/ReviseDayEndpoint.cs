using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ReviseDayEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/days/{date}")]
    [Tags("Days")]
    [EndpointSummary("Revise a logged day (history keeps both versions)")]
    [ProducesResponseType<DayResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Put(Guid notebookId, string date, ReviseDay command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ReviseDayDecider.Decide(command, notebook, date),
            accepted => Answer.Ok(new DayResponse(accepted.The<DayRevised>().Date, accepted.Version)));
}
