using Microsoft.AspNetCore.Mvc;

namespace Journal.Hosting;

public static class RequestBodies
{
    /// <summary>A body of JSON <c>null</c> (or nothing a command can be made of).</summary>
    public static ProblemDetails Missing() =>
        ProblemTypes.Problem(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "The request body is missing",
            "The request needs a JSON object body.");
}
