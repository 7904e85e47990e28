using Journal.Hosting;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks;

/// <summary>
/// What a command decided: a problem, or the events to append. Each endpoint's pure <c>Decide</c>
/// makes one in its Wolverine <c>Load</c> step; <c>Validate</c> stops on the problem, the endpoint appends the events.
/// </summary>
public sealed record Decision(ProblemDetails? Problem, IReadOnlyList<object> Events)
{
    public static Decision Reject(ProblemDetails problem) => new(problem, []);
    public static Decision Accept(params object[] events) => new(null, events);

    /// <summary>A retry of a request already answered: answer it the same way, decide nothing.</summary>
    public static Decision Replay(StoredAnswer answer) => new(null, []) { Replayed = answer };

    public StoredAnswer? Replayed { get; init; }

    /// <summary>Set when the request carries a new Idempotency-Key: its answer is stored with the events.</summary>
    public IdempotencyTicket? Ticket { get; init; }

    public ProblemDetails AsValidation() => Problem ?? WolverineContinue.NoProblems;

    /// <summary>For Validate steps of endpoints that take an Idempotency-Key: the problem, the replayed answer, or go on.</summary>
    public IResult AsResult() =>
        Problem is { } problem ? Results.Problem(problem)
        : Replayed is { } answer ? Idempotency.Answer(answer)
        : WolverineContinue.Result();

    public T The<T>() => Events.OfType<T>().Single();
}

/// <summary>Checks shared by every command on an existing notebook.</summary>
public static class NotebookPreconditions
{
    /// <summary>An <c>If-Match: "N"</c> that is not the stream's current version is a 412.</summary>
    public static ProblemDetails? IfMatch(string? ifMatch, Notebook notebook)
    {
        if (ifMatch is null) return null;
        var current = ETags.Of(notebook.Version);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current);
        return matches
            ? null
            : ProblemTypes.Problem(StatusCodes.Status412PreconditionFailed, ProblemTypes.VersionMismatch,
                "The notebook has changed",
                $"If-Match named {Shorten(ifMatch)} but the notebook is at version {notebook.Version} (ETag {current}). Read it again and retry.");
    }

    /// <summary>The If-Match check, then the command's own decision: every command on an existing notebook starts so.</summary>
    public static Decision DecideIfCurrent(string? ifMatch, Notebook notebook, Func<Notebook, Decision> decide) =>
        IfMatch(ifMatch, notebook) is { } stale ? Decision.Reject(stale) : decide(notebook);

    public static ProblemDetails? NotAbandoned(Notebook notebook) =>
        notebook.Status == NotebookStatus.Abandoned
            ? ProblemTypes.Conflict(ProblemTypes.NotebookAbandoned, "The notebook is abandoned; resume it first.")
            : null;

    public static ProblemDetails? InProgress(Notebook notebook) => notebook.Status switch
    {
        NotebookStatus.Completed => ProblemTypes.Conflict(ProblemTypes.NotebookCompleted,
            $"The notebook is completed ({notebook.LoggedDates.Count} / {notebook.Plan.Days} days); raise the plan to log more."),
        NotebookStatus.Abandoned => NotAbandoned(notebook),
        _ => null,
    };

    public static DateOnly Today(Notebook notebook, DateTimeOffset now) =>
        LocalDates.Today(now, TimeZones.Get(notebook.TimeZone), notebook.DayStartsAt);

    /// <summary>The status events a change in logged days or plan brings with it, appended in the same transaction.</summary>
    public static IEnumerable<object> StatusAfter(Notebook notebook, int daysLogged, int plannedDays)
    {
        if (notebook.Status == NotebookStatus.InProgress && daysLogged >= plannedDays)
            yield return new NotebookCompleted(daysLogged, plannedDays);
        else if (notebook.Status == NotebookStatus.Completed && daysLogged < plannedDays)
            yield return new NotebookReopened(daysLogged, plannedDays);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>Stream versions as entity tags: version 7 is <c>"7"</c>.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Write(HttpResponse response, long version) => response.Headers.ETag = Of(version);

    /// <summary>Writes the ETag; true when the request's If-None-Match already names it (answer 304).</summary>
    public static bool NotModified(HttpContext context, long version)
    {
        var tag = Of(version);
        context.Response.Headers.ETag = tag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0 && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(t => t == tag || t == "*" || t == "W/" + tag);
    }
}
