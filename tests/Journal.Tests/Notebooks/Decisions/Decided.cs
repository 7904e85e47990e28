using Journal.Hosting;
using Journal.Notebooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Tests.Notebooks.Decisions;

/// <summary>Assertions on a <see cref="Decision"/>: exactly these events, or exactly this problem and none.</summary>
internal static class Decided
{
    public static void Accepted(Decision decision, params object[] events)
    {
        if (decision.Problem is { } problem)
            Assert.Fail($"Expected events, got {problem.Status} {problem.Type}: {problem.Detail}");
        Assert.Equal(events, decision.Events);
    }

    public static ProblemDetails Rejected(Decision decision, int status, string type)
    {
        var problem = decision.Problem;
        Assert.True(problem is not null, $"Expected {status} {type}, got events: {string.Join(", ", decision.Events)}");
        Assert.Equal((status, type), (problem.Status, problem.Type));
        Assert.Empty(decision.Events);
        return problem;
    }

    /// <summary>A 400 naming exactly <paramref name="fields"/>.</summary>
    public static ValidationProblemDetails Invalid(Decision decision, params string[] fields)
    {
        var problem = Assert.IsType<ValidationProblemDetails>(Rejected(decision, StatusCodes.Status400BadRequest, ProblemTypes.ValidationFailed));
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.Errors.Keys.Order(StringComparer.Ordinal));
        return problem;
    }

    /// <summary>A 400 for a missing body: not a validation problem, no fields.</summary>
    public static void MissingBody(Decision decision) =>
        Assert.IsNotType<ValidationProblemDetails>(Rejected(decision, StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest));

    public static void Conflict(Decision decision, string type) => Rejected(decision, StatusCodes.Status409Conflict, type);

    public static void NotFound(Decision decision, string type) => Rejected(decision, StatusCodes.Status404NotFound, type);
}
