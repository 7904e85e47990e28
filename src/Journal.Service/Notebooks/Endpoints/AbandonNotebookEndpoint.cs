using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class AbandonNotebookEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/abandon", OperationId = "abandonNotebook")]
    [IdempotencyKey]
    [Tags("Notebooks")]
    [EndpointSummary("Abandon a notebook")]
    [EndpointDescription("Stops the notebook before its plan is done, with an optional reason. Nothing is lost: an abandoned notebook can be read, audited and resumed.")]
    [ProducesResponseType<VersionResponse>(StatusCodes.Status200OK, Description = "The notebook is abandoned; the body and the ETag give its new version.")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The notebook is completed (`/problems/notebook-completed`) or already abandoned (`/problems/notebook-abandoned`), or another request changed it at the same instant (`/problems/concurrent-change`).")]
    public static Task<IResult> Post(Guid notebookId, AbandonNotebook? command, [FromHeader(Name = "If-Match")] string? ifMatch,
        NotebookCommands commands, HttpContext http) =>
        commands.Apply(http, notebookId, ifMatch, command,
            (notebook, _) => AbandonNotebookDecider.Decide(command, notebook),
            accepted => Answer.Ok(new VersionResponse(accepted.Version)));
}
