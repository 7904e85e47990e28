using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class StartNotebookEndpoint
{
    [WolverinePost("/api/notebooks")]
    [Tags("Notebooks")]
    [EndpointSummary("Start a notebook")]
    [ProducesResponseType<NotebookStartedResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Post(StartNotebook command, NotebookCommands commands, HttpContext http) =>
        commands.Start(http, command,
            now => StartNotebookDecider.Decide(command, now, Guid.CreateVersion7),
            started => Answer.Created($"/api/notebooks/{started.NotebookId}", new NotebookStartedResponse(started.NotebookId, 1)));
}
