namespace Journal.Accounts.Rules;

/// <summary>
/// Failed sign-ins lock an account for a growing delay: the first <see cref="FreeAttempts"/> cost nothing, then
/// 30 seconds, doubling with each further failure, at most an hour. A success clears it.
/// </summary>
public static class Lockout
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static DateTimeOffset? Until(int consecutiveFailures, DateTimeOffset lastFailure)
    {
        if (consecutiveFailures < FreeAttempts) return null;
        var doublings = Math.Min(consecutiveFailures - FreeAttempts, 20);
        var delay = TimeSpan.FromTicks(Math.Min(First.Ticks << doublings, Longest.Ticks));
        return lastFailure + delay;
    }
}
