using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class NotebookResponses
{
    /// <summary>200 with the stream version after the decision's events, also as the ETag.</summary>
    public static Ok<VersionResponse> Version(NotebookProgress progress, Decision decision, HttpResponse response)
    {
        var version = progress.Version + decision.Events.Count;
        ETags.Write(response, version);
        return TypedResults.Ok(new VersionResponse(version));
    }

    /// <summary>200 with the version, the events, and the stored answer for an Idempotency-Key.</summary>
    public static (Ok<VersionResponse>, Events, IMartenOp) Remembered(NotebookProgress progress, Decision decision, HttpResponse response, TimeProvider clock)
    {
        var ok = Version(progress, decision, response);
        return (ok, [.. decision.Events],
            Idempotency.Remember(decision.Ticket, StatusCodes.Status200OK, ok.Value!, null, ok.Value!.Version, clock.GetUtcNow()));
    }
}
