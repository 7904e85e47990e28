using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Journal.Http;

/// <summary>
/// Writes problem details as JSON whatever the request's Accept says. The default writer declines a client that
/// accepts only, say, application/xml, and the answer becomes "Status Code: 406; Not Acceptable" in plain text;
/// registered after it, this one takes over only then.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
    }
}
