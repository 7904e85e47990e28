using Journal.Contracts;
using Journal.Hosting;
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
        NotebookStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<NotebookStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
                wanted = parsed;
            else
                fields.Fail("status", "status must be InProgress, Completed or Abandoned.");
        }
        var pageNumber = PositiveInt(fields, "page", page, 1, int.MaxValue / MaxPageSize);
        var size = PositiveInt(fields, "pageSize", pageSize, DefaultPageSize, MaxPageSize);
        if (fields.Problem() is { } invalid) return Results.Problem(invalid);

        IQueryable<NotebookProgress> query = session.Query<NotebookProgress>();
        if (wanted is { } s) query = query.Where(p => p.Status == s);
        var rows = await query.OrderByDescending(p => p.LastActivityAt).ThenBy(p => p.Id)
            .Stats(out var stats)
            .Skip((pageNumber - 1) * size).Take(size)
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        var items = rows.Select(p => ProgressView.IndexItem(p, ProgressView.Today(p, now))).ToList();
        return TypedResults.Ok(new NotebookIndexResponse(items, pageNumber, size, stats.TotalResults));
    }

    private static int PositiveInt(FieldRules fields, string name, string? value, int fallback, int max)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
            return n;
        fields.Fail(name, $"{name} must be a whole number from 1 to {max}.");
        return fallback;
    }
}
