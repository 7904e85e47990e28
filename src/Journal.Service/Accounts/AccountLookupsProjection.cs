using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Journal.Accounts;

/// <summary>The documents a request looks up by what it presents: a token's hash, a share link's slug.</summary>
public sealed partial class AccountLookupsProjection : EventProjection
{
    public AccountLookupsProjection()
    {
        Options.DeleteViewTypeOnTeardown<AccessToken>();
        Options.DeleteViewTypeOnTeardown<ShareLink>();
    }

    public static AccessToken Create(IEvent<TokenIssued> e) => new()
    {
        Id = e.Data.TokenHash, AccountId = e.StreamId, TokenId = e.Data.TokenId, Scopes = e.Data.Scopes,
    };

    /// <summary>Deleted, and every node told as the transaction commits (Hosting/TokenRevocations.cs), so none keeps it cached.</summary>
    public static void Project(IEvent<TokenRevoked> e, IDocumentOperations ops)
    {
        ops.DeleteWhere<AccessToken>(t => t.AccountId == e.StreamId && t.TokenId == e.Data.TokenId);
        ops.QueueSqlCommand($"select pg_notify('{AccessToken.RevokedChannel}', ?)", e.Data.TokenId.ToString());
    }

    public static ShareLink Create(IEvent<ShareLinkCreated> e) => new()
    {
        Id = e.Data.Slug, AccountId = e.StreamId, NotebookId = e.Data.NotebookId,
    };

    public static void Project(IEvent<ShareLinkRevoked> e, IDocumentOperations ops) => ops.Delete<ShareLink>(e.Data.Slug);
}
