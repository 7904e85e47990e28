using Journal.Contracts;
using Journal.Hosting;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Progress;

public static class GetNotebookProgressEndpoint
{
    [WolverineGet("/api/notebooks/{notebookId}")]
    [Tags("Notebooks")]
    [EndpointSummary("A notebook's progress: days, streaks, pace")]
    [ProducesResponseType<NotebookProgressResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, IQuerySession session, TimeProvider clock, HttpContext context)
    {
        var progress = await session.LoadAsync<NotebookProgress>(notebookId, context.RequestAborted);
        if (progress is null) return Results.Problem(ProblemTypes.NotebookMissing(notebookId));
        if (ETags.NotModified(context, progress.Version)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(ProgressView.Build(progress, ProgressView.Today(progress, clock.GetUtcNow())));
    }
}
