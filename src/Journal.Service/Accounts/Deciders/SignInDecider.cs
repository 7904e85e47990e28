using Journal.Notebooks;

namespace Journal.Accounts.Deciders;

public static class SignInDecider
{
    /// <summary>
    /// A sign-in is recorded whether it succeeds or fails (so a failure is a <see cref="SignInFailed"/> event, and the
    /// caller answers it as a failure); while the account is locked nothing is tried and nothing recorded.
    /// </summary>
    public static Decision Decide(Account account, string? password, string method, DateTimeOffset now, IPasswords passwords)
    {
        if (account.LockedUntil is { } until && until > now) return Decision.Refuse(AccountRefusals.Locked(until, now));
        return !string.IsNullOrEmpty(password) && passwords.Verify(account.PasswordHash, password)
            ? Decision.Accept(new SignedIn(method))
            : Decision.Accept(new SignInFailed(method, now));
    }

    public static bool Succeeded(Decision decision) => decision.Refusal is null && decision.Events is [SignedIn];
}
