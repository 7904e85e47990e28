using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ReviseDayEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/days/{date}", OperationId = "reviseDay")]
    [Tags("Days")]
    [EndpointSummary("Revise a day")]
    [EndpointDescription("Replaces a logged day's title, summary, entry and minutes. The history keeps both versions; the day page shows when it was last revised.")]
    [ProducesResponseType<DayResponse>(StatusCodes.Status200OK, Description = "The day is revised; the body and the ETag give the notebook's new version.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound, Description = "No such notebook (`/problems/notebook-not-found`), or no entry on that date (`/problems/day-not-found`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Put(Guid notebookId, string date, ReviseDay command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ReviseDayDecider.Decide(command, notebook, date),
            accepted => Answer.Ok(new DayResponse(accepted.The<DayRevised>().Date, accepted.Version)));
}
