using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ChangePlanEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/plan", OperationId = "changePlan")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the plan")]
    [EndpointDescription("Sets a new plan: the number of study days, the span they fit in and the minutes a day. Lowering the days to those logged completes the notebook; raising them reopens a completed one.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The plan is changed; the body and the ETag give the notebook's new version.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Put(Guid notebookId, ChangePlan command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ChangePlanDecider.Decide(command, notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
