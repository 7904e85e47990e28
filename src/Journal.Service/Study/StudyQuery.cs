using JasperFx.Events.Projections;
using Journal.Contracts;
using Marten;

namespace Journal.Study;

/// <summary>The study view as the API and the page read it: the account's document, and how far the projection has got.</summary>
public static class StudyQuery
{
    public static async Task<StudyResponse> ReadAsync(IDocumentStore store, Guid account, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession(); // each account's document is keyed by the account's id
        var study = await session.LoadAsync<AccountStudy>(account.ToString(), ct);
        var asOf = await store.Advanced.ProjectionProgressFor(new ShardName(AccountStudyProjection.Name, ShardName.All, 1), token: ct);
        var latest = await store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        return StudyView.Build(study, now, asOf, latest);
    }
}
