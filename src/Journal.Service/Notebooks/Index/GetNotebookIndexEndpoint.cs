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

    [WolverineGet("/api/notebooks", OperationId = "listNotebooks")]
    [Tags("Notebooks")]
    [EndpointSummary("All notebooks")]
    [EndpointDescription("One row per notebook of the account (title, status, plan, progress, streak, last activity), the most recently active first, a page at a time. Filter by status; `total` counts every notebook the filter matches, on every page.")]
    [ProducesResponseType<NotebookIndexResponse>(StatusCodes.Status200OK, Description = "A page of the index, with the page number, its size and the filter's total.")]
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
