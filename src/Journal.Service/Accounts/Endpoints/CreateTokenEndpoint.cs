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
    [WolverinePost("/api/tokens", OperationId = "createToken")]
    [NotTenanted, Authorize(Policy = JournalSecurity.Credentials), EnableRateLimiting(RateLimits.SignIn)]
    [Tags("Tokens")]
    [EndpointSummary("Make a token")]
    [EndpointDescription("Makes a personal access token for the API and the command-line client, with a name and scopes (`notebooks:read`, `notebooks:write`; both when left out). Sign in with the account's email and password (HTTP Basic) or the pages' session; a token cannot make tokens. The token is shown in this answer only.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The account holds 100 tokens already (`/problems/too-many-tokens`).")]
    [ProducesResponseType<TokenCreatedResponse>(StatusCodes.Status201Created, Description = "The token, shown this once; keep it secret.")]
    public static async Task<IResult> Post(CreateToken command, ClaimsPrincipal user, AccountCommands accounts, CancellationToken ct)
    {
        var (id, token) = (Guid.CreateVersion7(), TokenSecrets.New());
        var (decision, account) = await accounts.Apply(user.AccountId(), (account, _) => IssueTokenDecider.Decide(command, account, id, TokenSecrets.Hash(token)), ct);
        if (decision.Refusal is { } refusal) return Problems.Result(refusal);
        var issued = account!.Tokens.Single(t => t.Id == id);
        return Answer.Created($"/api/tokens/{id}", new TokenCreatedResponse(id, issued.Name, issued.Scopes, token, issued.CreatedAt)).ToResult();
    }
}
