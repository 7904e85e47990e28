using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class GetSharedNotebookEndpoint
{
    [WolverineGet("/api/shared/{slug}")]
    [AllowAnonymous, NotTenanted]
    [Tags("Sharing")]
    [EndpointSummary("A shared notebook's progress, for anyone with its address")]
    [ProducesResponseType<NotebookProgressResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string slug, IDocumentStore store, TimeProvider clock, HttpContext context)
    {
        await using var shared = await SharedNotebooks.FindAsync(store, slug, context.RequestAborted);
        if (shared is null) return Problems.Result(AccountRefusals.NoSharedNotebook());
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Ok(ProgressView.Build(shared.Progress, ProgressView.Today(shared.Progress, clock.GetUtcNow())));
    }
}
