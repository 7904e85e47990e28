using Journal.Contracts;
using Journal.Notebooks.Progress;
using Marten;
using Marten.Linq;

namespace Journal.Notebooks.Index;

/// <summary>All Notebooks: a query over the progress documents, shared by the API and the page.</summary>
public static class NotebookIndex
{
    /// <summary>A status filter by name, any case; null for none or one that is not a status.</summary>
    public static NotebookStatus? Status(string? status) =>
        Enum.TryParse<NotebookStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : null;

    /// <summary>One page of the index, most recent activity first, and the number of rows in all pages (the API and the page share it).</summary>
    public static async Task<(IReadOnlyList<NotebookIndexItem> Items, long Total)> PageAsync(
        IQuerySession session, NotebookStatus? status, int pageNumber, int pageSize, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<NotebookProgress> Filtered() =>
            status is { } wanted ? session.Query<NotebookProgress>().Where(p => p.Status == wanted) : session.Query<NotebookProgress>();
        var rows = await Filtered().OrderByDescending(p => p.LastActivityAt).ThenBy(p => p.Id)
            .Stats(out var stats)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        // A page past the end returns no rows, and with them no total: count the filter's rows then.
        var total = rows.Count == 0 && pageNumber > 1 ? await Filtered().CountAsync(ct) : stats.TotalResults;
        return ([.. rows.Select(p => ProgressView.IndexItem(p, ProgressView.Today(p, now)))], total);
    }
}
