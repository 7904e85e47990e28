using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class SkipDayEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/skips", OperationId = "skipDay")]
    [IdempotencyKey]
    [Tags("Days")]
    [EndpointSummary("Skip a day on purpose")]
    [EndpointDescription("Marks a date (today when left out) as a rest day taken on purpose, with an optional reason. Rest days do not break a streak and do not count as study days.")]
    [ProducesResponseType<DayResponse>(StatusCodes.Status201Created, Description = "The rest day is recorded; Location names it and the ETag gives the notebook's new version.")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The date already has an entry (`/problems/date-already-logged`) or is already a rest day (`/problems/date-already-skipped`), the notebook is completed or abandoned (`/problems/notebook-completed`, `/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
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
