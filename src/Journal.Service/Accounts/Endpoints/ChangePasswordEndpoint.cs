using System.Security.Claims;
using Journal.Accounts.Deciders;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class ChangePasswordEndpoint
{
    [WolverinePut("/api/me/password", OperationId = "changePassword")]
    [NotTenanted]
    [Tags("Accounts")]
    [EndpointSummary("Change the password")]
    [EndpointDescription("Sets a new password, given the current one. Every pages session of the account is signed out; tokens keep working.")]
    [ProducesResponseType(StatusCodes.Status204NoContent, Description = "The password is changed.")]
    public static async Task<IResult> Put(ChangePassword command, ClaimsPrincipal user, AccountCommands accounts, IPasswords passwords, CancellationToken ct)
    {
        var (decision, _) = await accounts.Apply(user.AccountId(), (account, _) => ChangePasswordDecider.Decide(command, account, passwords), ct);
        return decision.Refusal is { } refusal ? Problems.Result(refusal) : Results.NoContent();
    }
}
