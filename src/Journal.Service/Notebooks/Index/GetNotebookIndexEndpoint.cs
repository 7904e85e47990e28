using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Marten.Linq;
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
        var wanted = Status(status);
        if (!string.IsNullOrEmpty(status) && wanted is null) fields.Fail("status", "status must be InProgress, Completed or Abandoned.");
        var pageNumber = (int)fields.WholeNumber("page", page, 1, 1, int.MaxValue / MaxPageSize);
        var size = (int)fields.WholeNumber("pageSize", pageSize, DefaultPageSize, 1, MaxPageSize);
        if (fields.Refusal() is { } invalid) return Problems.Result(invalid);

        var (items, total) = await PageAsync(session, wanted, pageNumber, size, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new NotebookIndexResponse(items, pageNumber, size, total));
    }

    /// <summary>A status filter by name, any case; null for none or one that is not a status.</summary>
    public static NotebookStatus? Status(string? status) =>
        Enum.TryParse<NotebookStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : null;

    /// <summary>One page of the index, most recent activity first, and the number of rows in all pages (the API and the page share it).</summary>
    public static async Task<(IReadOnlyList<NotebookIndexItem> Items, long Total)> PageAsync(
        IQuerySession session, NotebookStatus? status, int pageNumber, int pageSize, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<NotebookProgress> query = session.Query<NotebookProgress>();
        if (status is { } wanted) query = query.Where(p => p.Status == wanted);
        var rows = await query.OrderByDescending(p => p.LastActivityAt).ThenBy(p => p.Id)
            .Stats(out var stats)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return ([.. rows.Select(p => ProgressView.IndexItem(p, ProgressView.Today(p, now)))], stats.TotalResults);
    }
}
