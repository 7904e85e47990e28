using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class LogDayEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/days", OperationId = "logDay")]
    [IdempotencyKey]
    [Tags("Days")]
    [EndpointSummary("Log a study day")]
    [EndpointDescription("Records one study day (today in the notebook's time zone when no date is given): a title, an optional summary, the full entry in Markdown and the minutes studied. A date already past is recorded as backfilled. Logging the last planned day completes the notebook.")]
    [ProducesResponseType<DayLoggedResponse>(StatusCodes.Status201Created, Description = "The day is logged; Location names its page, and the body and the ETag give its day number and the notebook's new version.")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The date already has an entry (`/problems/date-already-logged`), the notebook is completed or abandoned (`/problems/notebook-completed`, `/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
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
