using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class ResumeNotebookEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/resume", OperationId = "resumeNotebook")]
    [IdempotencyKey]
    [Tags("Notebooks")]
    [EndpointSummary("Resume a notebook")]
    [EndpointDescription("Brings an abandoned notebook back in progress, where it left off. The body is optional; when sent it is an empty object.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The notebook is in progress again; the body and the ETag give its new version.")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is not abandoned (`/problems/notebook-not-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Post(Guid notebookId, ResumeNotebook? command, [FromHeader(Name = "If-Match")] string? ifMatch, NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => ResumeNotebookDecider.Decide(notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
