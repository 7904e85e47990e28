using Journal.Http;
using Journal.Notebooks;
using Microsoft.AspNetCore.Http;

namespace Journal.Tests.Notebooks.Deciders;

/// <summary>Assertions on a <see cref="Decision"/>: exactly these events, or exactly this refusal (as the API answers it) and none.</summary>
internal static class Decided
{
    public static void Accepted(Decision decision, params object[] events)
    {
        if (decision.Refusal is { } refusal)
            Assert.Fail($"Expected events, got {refusal.Kind} {refusal.Type}: {refusal.Detail}");
        Assert.Equal(events, decision.Events);
    }

    /// <summary>A refusal the API answers with <paramref name="status"/> and <paramref name="type"/>.</summary>
    public static Refusal Rejected(Decision decision, int status, string type)
    {
        var refusal = decision.Refusal;
        Assert.True(refusal is not null, $"Expected {status} {type}, got events: {string.Join(", ", decision.Events)}");
        Assert.Equal((status, type), (Problems.For(refusal).Status, refusal.Type));
        Assert.Empty(decision.Events);
        return refusal;
    }

    /// <summary>A 400 naming exactly <paramref name="fields"/>.</summary>
    public static Refusal Invalid(Decision decision, params string[] fields)
    {
        var refusal = Rejected(decision, StatusCodes.Status400BadRequest, Refusals.ValidationFailed);
        Assert.NotNull(refusal.Errors);
        Assert.Equal(fields.Order(StringComparer.Ordinal), refusal.Errors.Keys.Order(StringComparer.Ordinal));
        return refusal;
    }

    /// <summary>A 400 for a missing body: not a validation problem, no fields.</summary>
    public static void MissingBody(Decision decision) =>
        Assert.Null(Rejected(decision, StatusCodes.Status400BadRequest, Refusals.MalformedRequest).Errors);

    public static void Conflict(Decision decision, string type) => Rejected(decision, StatusCodes.Status409Conflict, type);

    public static void NotFound(Decision decision, string type) => Rejected(decision, StatusCodes.Status404NotFound, type);
}
