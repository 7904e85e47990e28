using System.Security.Claims;
using Journal.Accounts.Deciders;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class ShareNotebookEndpoint
{
    [WolverinePost("/api/notebooks/{notebookId}/share", OperationId = "shareNotebook")]
    [Tags("Sharing")]
    [EndpointSummary("Share a notebook")]
    [EndpointDescription("Makes an unguessable read-only address for the notebook: on the pages (`/s/{slug}`) and in the API (`/api/shared/{slug}`). A notebook has one address; asking again answers the same one.")]
    [ProducesResponseType<ShareLinkResponse>(StatusCodes.Status201Created, Description = "The notebook is shared; Location and the body give its address.")]
    [ProducesResponseType<ShareLinkResponse>(StatusCodes.Status200OK, Description = "The notebook was shared already: its address.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json", Description = "No such notebook (`/problems/notebook-not-found`).")]
    public static async Task<IResult> Post(Guid notebookId, ClaimsPrincipal user, IQuerySession session, AccountCommands accounts, CancellationToken ct)
    {
        // The notebook is looked up in the caller's own tenant: another account's notebook is not found.
        if (await session.LoadAsync<NotebookProgress>(notebookId, ct) is null) return Problems.Result(Refusals.NotebookMissing(notebookId));
        var slug = TokenSecrets.NewSlug();
        var (decision, account) = await accounts.Apply(user.AccountId(), (account, _) => ShareNotebookDecider.Share(account, notebookId, slug), ct);
        var link = account!.ShareLinks.Single(s => s.NotebookId == notebookId);
        var body = new ShareLinkResponse(link.Slug, $"/s/{link.Slug}", $"/api/shared/{link.Slug}");
        return decision.Events.Count > 0 ? Answer.Created(body.Url, body).ToResult() : TypedResults.Ok(body);
    }

    [WolverineDelete("/api/notebooks/{notebookId}/share", OperationId = "unshareNotebook")]
    [Tags("Sharing")]
    [EndpointSummary("Stop sharing a notebook")]
    [EndpointDescription("Withdraws the notebook's shared address: it answers 404 at once. Sharing again makes a new address.")]
    [ProducesResponseType(StatusCodes.Status204NoContent, Description = "The notebook is no longer shared.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json", Description = "No such notebook (`/problems/notebook-not-found`), or it is not shared (`/problems/share-link-not-found`).")]
    public static async Task<IResult> Delete(Guid notebookId, ClaimsPrincipal user, IQuerySession session, AccountCommands accounts, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(notebookId, ct) is null) return Problems.Result(Refusals.NotebookMissing(notebookId));
        var (decision, _) = await accounts.Apply(user.AccountId(), (account, _) => ShareNotebookDecider.Unshare(account, notebookId), ct);
        return decision.Refusal is { } refusal ? Problems.Result(refusal) : Results.NoContent();
    }
}
