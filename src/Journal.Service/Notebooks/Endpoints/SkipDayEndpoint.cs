using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class SkipDayEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/skips")]
    [Tags("Days")]
    [EndpointSummary("Skip a day on purpose (a rest day)")]
    [ProducesResponseType<DayResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Post(Guid notebookId, SkipDay command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, now) => SkipDayDecider.Decide(command, notebook, now),
            accepted =>
            {
                var skipped = accepted.The<DaySkipped>();
                return Answer.Created($"/api/notebooks/{notebookId}/skips/{skipped.Date:yyyy-MM-dd}", new DayResponse(skipped.Date, accepted.Version));
            });
}
