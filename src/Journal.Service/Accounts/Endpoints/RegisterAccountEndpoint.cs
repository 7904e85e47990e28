using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class RegisterAccountEndpoint
{
    [WolverinePost("/api/accounts")]
    [AllowAnonymous, NotTenanted, EnableRateLimiting(RateLimits.SignIn)]
    [Tags("Accounts")]
    [EndpointSummary("Sign up: an account of your own (the first one is the instance's owner)")]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(RegisterAccount command, AccountCommands accounts, CancellationToken ct)
    {
        var (decision, account) = await accounts.Register(command, ct);
        return decision.Refusal is { } refusal
            ? Problems.Result(refusal)
            : Answer.Created("/api/me", new AccountResponse(account!.Id, account.Email, account.DisplayName)).ToResult();
    }
}
