namespace Journal.Accounts;

// An account's own actions, events of the account's stream: auditable like a notebook's.

/// <param name="PasswordHash">ASP.NET Core Identity's hash (PBKDF2 with a per-hash salt), never the password.</param>
public sealed record AccountRegistered(Guid AccountId, string Email, string DisplayName, string PasswordHash);

public sealed record PasswordChanged(string PasswordHash);

public sealed record DisplayNameChanged(string DisplayName);

/// <param name="TokenHash">SHA-256 of the token, hex: the token itself is shown once and kept nowhere.</param>
public sealed record TokenIssued(Guid TokenId, string Name, IReadOnlyList<string> Scopes, string TokenHash);

public sealed record TokenRevoked(Guid TokenId);

public sealed record ShareLinkCreated(Guid NotebookId, string Slug);

public sealed record ShareLinkRevoked(Guid NotebookId, string Slug);

/// <param name="Method">"password" (the pages) or "basic" (a token made with email and password).</param>
public sealed record SignedIn(string Method);

/// <param name="At">When it failed: the lockout counts from it.</param>
public sealed record SignInFailed(string Method, DateTimeOffset At);

/// <summary>The first account took the notebooks written before accounts existed.</summary>
public sealed record NotebooksClaimed(int Notebooks);

public static class AccountEvents
{
    /// <summary>Stored event names, fixed once, as for notebooks: never change a name on the right.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(AccountRegistered)] = "account_registered",
        [typeof(PasswordChanged)] = "password_changed",
        [typeof(DisplayNameChanged)] = "display_name_changed",
        [typeof(TokenIssued)] = "token_issued",
        [typeof(TokenRevoked)] = "token_revoked",
        [typeof(ShareLinkCreated)] = "share_link_created",
        [typeof(ShareLinkRevoked)] = "share_link_revoked",
        [typeof(SignedIn)] = "signed_in",
        [typeof(SignInFailed)] = "sign_in_failed",
        [typeof(NotebooksClaimed)] = "notebooks_claimed",
    };
}
