using System.Security.Claims;
using Journal.Accounts.Deciders;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class CreateTokenEndpoint
{
    [WolverinePost("/api/tokens")]
    [NotTenanted, Authorize(Policy = JournalSecurity.Credentials), EnableRateLimiting(RateLimits.SignIn)]
    [Tags("Tokens")]
    [EndpointSummary("Make a personal access token (signed in on the pages, or with Basic email:password); shown once")]
    [ProducesResponseType<TokenCreatedResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(CreateToken command, ClaimsPrincipal user, AccountCommands accounts, CancellationToken ct)
    {
        var (id, token) = (Guid.CreateVersion7(), TokenSecrets.New());
        var (decision, account) = await accounts.Apply(user.AccountId(), (account, _) => IssueTokenDecider.Decide(command, account, id, TokenSecrets.Hash(token)), ct);
        if (decision.Refusal is { } refusal) return Problems.Result(refusal);
        var issued = account!.Tokens.Single(t => t.Id == id);
        return Answer.Created($"/api/tokens/{id}", new TokenCreatedResponse(id, issued.Name, issued.Scopes, token, issued.CreatedAt)).ToResult();
    }
}
