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
    [WolverinePost("/api/accounts", OperationId = "registerAccount")]
    [AllowAnonymous, NotTenanted, EnableRateLimiting(RateLimits.SignIn)]
    [Tags("Accounts")]
    [EndpointSummary("Sign up")]
    [EndpointDescription("Makes an account with an email, a password and a display name. The first account of an instance is its owner and takes the notebooks made before accounts existed. Limited per client address.")]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status201Created, Description = "The account is made; sign in on the pages, or make a token with POST /api/tokens.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json", Description = "This instance takes no new accounts (`/problems/registration-closed`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "The email has an account already (`/problems/email-taken`).")]
    public static async Task<IResult> Post(RegisterAccount command, AccountCommands accounts, CancellationToken ct)
    {
        var (decision, account) = await accounts.Register(command, ct);
        return decision.Refusal is { } refusal
            ? Problems.Result(refusal)
            : Answer.Created("/api/me", new AccountResponse(account!.Id, account.Email, account.DisplayName)).ToResult();
    }
}
