using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages;

/// <summary>All Notebooks: the same rows as GET /api/notebooks, most recent activity first.</summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<NotebookIndexItem> Items { get; private set; } = [];
    public NotebookStatus? Filter { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public long Total { get; private set; }
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static readonly IReadOnlyList<(NotebookStatus? Status, string Label)> Filters =
        [(null, "All"), (NotebookStatus.InProgress, "In Progress"), (NotebookStatus.Completed, "Completed"), (NotebookStatus.Abandoned, "Abandoned")];

    public async Task OnGetAsync(string? status, int? page, CancellationToken ct)
    {
        Filter = Enum.TryParse<NotebookStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : null;
        PageNumber = Math.Clamp(page ?? 1, 1, 100_000);

        IQueryable<NotebookProgress> query = session.Query<NotebookProgress>();
        if (Filter is { } wanted) query = query.Where(p => p.Status == wanted);
        var rows = await query.OrderByDescending(p => p.LastActivityAt).ThenBy(p => p.Id)
            .Stats(out var stats)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        Total = stats.TotalResults;

        var now = clock.GetUtcNow();
        Items = [.. rows.Select(p => ProgressView.IndexItem(p, ProgressView.Today(p, now)))];
    }

    public string Link(NotebookStatus? status, int page = 1)
    {
        var query = new List<string>();
        if (status is { } s) query.Add($"status={s}");
        if (page > 1) query.Add($"page={page}");
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }
}
