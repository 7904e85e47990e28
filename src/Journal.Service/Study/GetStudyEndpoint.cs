using System.Security.Claims;
using Journal.Contracts;
using Journal.Http.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Study;

public static class GetStudyEndpoint
{
    [WolverineGet("/api/me/study", OperationId = "getStudy")]
    [NotTenanted]
    [Tags("Study")]
    [EndpointSummary("All notebooks together")]
    [EndpointDescription("The account's study across all its notebooks: every date with an entry or a rest day, the all-notebook current and longest streak, minutes per ISO week and totals by notebook, counted in the zone of the most recently started notebook. It is built in the background and may trail the latest change by a moment: `asOfSequence` is the newest event it reflects, `latestSequence` the store's newest, and `updating` says the two differ.")]
    [ProducesResponseType<StudyResponse>(StatusCodes.Status200OK, Description = "The account's study, as of `asOfSequence`.")]
    public static async Task<IResult> Get(ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, HttpContext context) =>
        TypedResults.Ok(await StudyQuery.ReadAsync(store, user.AccountId(), clock.GetUtcNow(), context.RequestAborted));
}
