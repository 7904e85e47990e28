using System.Security.Claims;
using Journal.Contracts;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Accounts.Endpoints;

public static class GetMeEndpoint
{
    [WolverineGet("/api/me", OperationId = "getMe")]
    [NotTenanted]
    [Tags("Accounts")]
    [EndpointSummary("Who am I")]
    [EndpointDescription("The account the credentials sign in: its id, email and display name.")]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK, Description = "The signed-in account.")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession(); // accounts are global, not the caller's tenant
        var account = await session.LoadAsync<Account>(user.AccountId(), ct);
        return account is null ? Results.Unauthorized() : TypedResults.Ok(new AccountResponse(account.Id, account.Email, account.DisplayName));
    }
}
