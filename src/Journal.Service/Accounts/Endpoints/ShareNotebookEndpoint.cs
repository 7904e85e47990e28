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
    [WolverinePost("/api/notebooks/{notebookId}/share")]
    [Tags("Sharing")]
    [EndpointSummary("Share the notebook read-only: an unguessable address anyone with it can read (one per notebook)")]
    [ProducesResponseType<ShareLinkResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ShareLinkResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
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

    [WolverineDelete("/api/notebooks/{notebookId}/share")]
    [Tags("Sharing")]
    [EndpointSummary("Stop sharing the notebook: its address answers 404 at once")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Delete(Guid notebookId, ClaimsPrincipal user, IQuerySession session, AccountCommands accounts, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(notebookId, ct) is null) return Problems.Result(Refusals.NotebookMissing(notebookId));
        var (decision, _) = await accounts.Apply(user.AccountId(), (account, _) => ShareNotebookDecider.Unshare(account, notebookId), ct);
        return decision.Refusal is { } refusal ? Problems.Result(refusal) : Results.NoContent();
    }
}
