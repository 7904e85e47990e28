namespace Journal.Accounts;

/// <summary>
/// One account, kept in step with its stream by <see cref="AccountProjection"/>: the read model of the account
/// pages and, loaded under the stream lock, the write model of its commands. Global (not per tenant).
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public long Version { get; set; }

    /// <summary>Trimmed and lower-cased: unique among accounts.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";

    /// <summary>Grows with every password change: a cookie issued before it no longer signs anyone in.</summary>
    public int CredentialVersion { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
    public List<AccountToken> Tokens { get; set; } = [];
    public List<AccountShareLink> ShareLinks { get; set; } = [];

    /// <summary>Failed sign-ins since the last success.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The tenant that holds this account's notebooks.</summary>
    public string Tenant => Id.ToString();
}

public sealed record AccountToken(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

public sealed record AccountShareLink(Guid NotebookId, string Slug, DateTimeOffset CreatedAt);
