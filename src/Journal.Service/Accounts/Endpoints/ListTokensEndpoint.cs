using System.Security.Claims;
using Journal.Contracts;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class ListTokensEndpoint
{
    [WolverineGet("/api/tokens", OperationId = "listTokens")]
    [NotTenanted]
    [Tags("Tokens")]
    [EndpointSummary("List tokens")]
    [EndpointDescription("The account's personal access tokens: id, name, scopes and when each was made. The tokens themselves are never shown again.")]
    [ProducesResponseType<TokenSummary[]>(StatusCodes.Status200OK, Description = "The account's tokens, oldest first.")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession(); // accounts are global, not the caller's tenant
        var account = await session.LoadAsync<Account>(user.AccountId(), ct);
        return TypedResults.Ok((account?.Tokens ?? []).Select(t => new TokenSummary(t.Id, t.Name, t.Scopes, t.CreatedAt)).ToArray());
    }
}
