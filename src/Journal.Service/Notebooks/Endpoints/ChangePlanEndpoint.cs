using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ChangePlanEndpoint
{
    [WolverinePut("/api/notebooks/{notebookId}/plan")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the plan (may complete or reopen the notebook)")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Put(Guid notebookId, ChangePlan command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ChangePlanDecider.Decide(command, notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
