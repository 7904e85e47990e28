using Journal.Notebooks;

namespace Journal.Accounts;

/// <summary>The accounts' refusals; their types are described in docs/problems.md like the notebooks'.</summary>
public static class AccountRefusals
{
    public const string EmailTaken = "/problems/email-taken";
    public const string RegistrationClosed = "/problems/registration-closed";
    public const string SignInFailed = "/problems/sign-in-failed";
    public const string SignInLocked = "/problems/sign-in-locked";
    public const string TokenNotFound = "/problems/token-not-found";
    public const string ShareLinkNotFound = "/problems/share-link-not-found";
    public const string TooManyTokens = "/problems/too-many-tokens";

    public static Refusal Taken(string email) =>
        new(RefusalKind.Conflict, EmailTaken, "The email address has an account", $"{email} already has an account; sign in instead.");

    public static Refusal Closed() =>
        new(RefusalKind.Forbidden, RegistrationClosed, "Registration is closed",
            "This Journal takes no new accounts; its operator can open registration (Journal:Accounts:Registration=Open).");

    public static Refusal WrongCredentials() =>
        new(RefusalKind.Unauthenticated, SignInFailed, "Sign-in failed", "The email address or the password is not right.");

    public static Refusal Locked(DateTimeOffset until, DateTimeOffset now)
    {
        var wait = until - now;
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return new(RefusalKind.TooMany, SignInLocked, "Too many failed sign-ins",
            $"Sign-in for this account is paused after several failed attempts; try again in {seconds} seconds.", RetryAfter: TimeSpan.FromSeconds(seconds));
    }

    public static Refusal NoAccount() =>
        new(RefusalKind.NotFound, "/problems/account-not-found", "No such account", "The signed-in account does not exist any more.");

    public static Refusal NoToken(Guid id) =>
        new(RefusalKind.NotFound, TokenNotFound, "No such token", $"There is no token {id} on this account.");

    public static Refusal NoSharedNotebook() =>
        new(RefusalKind.NotFound, ShareLinkNotFound, "No such shared notebook", "Nothing is shared at this address (the link may have been revoked).");

    public static Refusal NotShared(Guid notebookId) =>
        new(RefusalKind.NotFound, ShareLinkNotFound, "No share link", $"Notebook {notebookId} has no share link.");
}
