using System.Security.Claims;
using Journal.Accounts.Deciders;
using Journal.Http;
using Journal.Http.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class RevokeTokenEndpoint
{
    [WolverineDelete("/api/tokens/{tokenId}", OperationId = "revokeToken")]
    [NotTenanted]
    [Tags("Tokens")]
    [EndpointSummary("Revoke a token")]
    [EndpointDescription("Revokes one of the account's personal access tokens: it is refused from its very next request.")]
    [ProducesResponseType(StatusCodes.Status204NoContent, Description = "The token is revoked.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json", Description = "The account has no token with this id (`/problems/token-not-found`).")]
    public static async Task<IResult> Delete(Guid tokenId, ClaimsPrincipal user, AccountCommands accounts, CancellationToken ct)
    {
        var (decision, _) = await accounts.Apply(user.AccountId(), (account, _) => RevokeTokenDecider.Decide(account, tokenId), ct);
        return decision.Refusal is { } refusal ? Problems.Result(refusal) : Results.NoContent();
    }
}
