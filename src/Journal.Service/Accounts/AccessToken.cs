namespace Journal.Accounts;

/// <summary>A live personal access token, found by the SHA-256 of the token a request presents. Global.</summary>
public sealed class AccessToken
{
    /// <summary>The PostgreSQL channel a revocation's transaction notifies with the token's id, for every node's cache.</summary>
    public const string RevokedChannel = "journal_token_revoked";

    /// <summary>SHA-256 of the token, hex.</summary>
    public string Id { get; set; } = "";
    public Guid AccountId { get; set; }
    public Guid TokenId { get; set; }
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
