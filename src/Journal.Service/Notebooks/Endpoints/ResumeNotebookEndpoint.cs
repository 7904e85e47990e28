using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ResumeNotebookEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/resume")]
    [Tags("Notebooks")]
    [EndpointSummary("Resume an abandoned notebook")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Post(Guid notebookId, [FromHeader(Name = "If-Match")] string? ifMatch, NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command: null,
            (notebook, _) => ResumeNotebookDecider.Decide(notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
