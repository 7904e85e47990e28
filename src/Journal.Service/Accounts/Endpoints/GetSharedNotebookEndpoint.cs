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
    [WolverineGet("/api/shared/{slug}", OperationId = "getSharedNotebook")]
    [AllowAnonymous, NotTenanted]
    [Tags("Sharing")]
    [EndpointSummary("Read a shared notebook")]
    [EndpointDescription("The progress of a notebook its owner shared, for anyone who has the address; no credentials needed. The same view as the owner's progress, read-only.")]
    [ProducesResponseType<NotebookProgressResponse>(StatusCodes.Status200OK, Description = "The shared notebook's progress.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json", Description = "The address names nothing: never shared, or sharing was stopped (`/problems/share-link-not-found`).")]
    public static async Task<IResult> Get(string slug, IDocumentStore store, TimeProvider clock, HttpContext context)
    {
        await using var shared = await SharedNotebooks.FindAsync(store, slug, context.RequestAborted);
        if (shared is null) return Problems.Result(AccountRefusals.NoSharedNotebook());
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Ok(ProgressView.Build(shared.Progress, ProgressView.Today(shared.Progress, clock.GetUtcNow()), await SharedNotebooks.TextsAsync(shared, context.RequestAborted)));
    }
}
