using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Marten;

namespace Journal.Accounts;

/// <summary>A notebook as its share link shows it.</summary>
public sealed record SharedNotebook(ShareLink Link, NotebookProgress Progress, IQuerySession Session) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session.DisposeAsync();
}

/// <summary>Finds what a share link names, in its owner's tenant; a revoked or unknown slug finds nothing.</summary>
public static class SharedNotebooks
{
    public static async Task<SharedNotebook?> FindAsync(IDocumentStore store, string? slug, CancellationToken ct)
    {
        if (slug is not { Length: 22 }) return null;
        await using (var global = store.QuerySession())
        {
            var link = await global.LoadAsync<ShareLink>(slug, ct);
            if (link is null) return null;
            var owner = store.QuerySession(link.AccountId.ToString());
            var progress = await owner.LoadAsync<NotebookProgress>(link.NotebookId, ct);
            if (progress is not null) return new SharedNotebook(link, progress, owner);
            await owner.DisposeAsync();
            return null;
        }
    }

    /// <summary>The titles and summaries of the <paramref name="days"/> most recent day cards (<see cref="DayTexts"/>).</summary>
    public static Task<IReadOnlyDictionary<DateOnly, DayText>> TextsAsync(SharedNotebook shared, CancellationToken ct, int days = int.MaxValue) =>
        DayTexts.LoadAsync(shared.Session, shared.Link.NotebookId, ProgressView.Shown(shared.Progress, days), ct);

    public static Task<DayEntry?> DayAsync(SharedNotebook shared, DateOnly date, CancellationToken ct) =>
        shared.Session.LoadAsync<DayEntry>(DayEntry.IdFor(shared.Link.NotebookId, date), ct);
}
