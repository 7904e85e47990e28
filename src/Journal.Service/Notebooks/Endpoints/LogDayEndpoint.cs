using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class LogDayEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/days")]
    [Tags("Days")]
    [EndpointSummary("Log a study day")]
    [ProducesResponseType<DayLoggedResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Post(Guid notebookId, LogDay command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, now) => LogDayDecider.Decide(command, notebook, now),
            accepted =>
            {
                var logged = accepted.The<DayLogged>();
                return Answer.Created($"/api/notebooks/{notebookId}/days/{logged.Date:yyyy-MM-dd}",
                    new DayLoggedResponse(logged.Date, accepted.Before.DayNumberOf(logged.Date), accepted.Version));
            });
}
