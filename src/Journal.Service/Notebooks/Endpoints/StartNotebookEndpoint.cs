using Journal.Contracts;
using Journal.Http;
using Journal.Http.OpenApi;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Endpoints;

public static class StartNotebookEndpoint
{
    [WolverinePost("/api/notebooks", OperationId = "startNotebook")]
    [IdempotencyKey]
    [Tags("Notebooks")]
    [EndpointSummary("Start a notebook")]
    [EndpointDescription("Starts a notebook with a title, a plan (so many study days within a span of days, and minutes a day), the spark that started it, a start date (today when left out), a time zone and the time the notebook's day starts. A client may choose the notebook's id, which makes the request safe to repeat.")]
    [ProducesResponseType<NotebookStartedResponse>(StatusCodes.Status201Created, Description = "The notebook is started; Location names it, and the body and the ETag give its id and version.")]
    [ProducesHeader(StatusCodes.Status201Created, ApiHeaders.ETag)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "A notebook with the id the client chose exists (`/problems/notebook-exists`).")]
    public static Task<IResult> Post(StartNotebook command, NotebookCommands commands, HttpContext http) =>
        commands.Start(http, command,
            now => StartNotebookDecider.Decide(command, now, Guid.CreateVersion7),
            started => Answer.Created($"/api/notebooks/{started.NotebookId}", new NotebookStartedResponse(started.NotebookId, 1)));
}
