using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Index;
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
        Filter = NotebookIndex.Status(status);
        PageNumber = Math.Clamp(page ?? 1, 1, 100_000);
        (Items, Total) = await NotebookIndex.PageAsync(session, Filter, PageNumber, PageSize, clock.GetUtcNow(), ct);
    }

    public string Link(NotebookStatus? status, int page = 1)
    {
        var query = new List<string>();
        if (status is { } s) query.Add($"status={s}");
        if (page > 1) query.Add($"page={page}");
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }
}
