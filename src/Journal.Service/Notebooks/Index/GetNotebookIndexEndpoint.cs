using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Journal.Notebooks.Index;

public static class GetNotebookIndexEndpoint
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    [WolverineGet("/api/notebooks")]
    [Tags("Notebooks")]
    [EndpointSummary("All Notebooks: one row per notebook, most recent activity first, paged")]
    [ProducesResponseType<NotebookIndexResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? status, string? page, string? pageSize, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var fields = new FieldRules();
        var wanted = NotebookIndex.Status(status);
        if (!string.IsNullOrEmpty(status) && wanted is null) fields.Fail("status", "status must be InProgress, Completed or Abandoned.");
        var pageNumber = (int)fields.WholeNumber("page", page, 1, 1, int.MaxValue / MaxPageSize);
        var size = (int)fields.WholeNumber("pageSize", pageSize, DefaultPageSize, 1, MaxPageSize);
        if (fields.Refusal() is { } invalid) return Problems.Result(invalid);

        var (items, total) = await NotebookIndex.PageAsync(session, wanted, pageNumber, size, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new NotebookIndexResponse(items, pageNumber, size, total));
    }
}
