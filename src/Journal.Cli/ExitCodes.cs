namespace Journal.Cli;

/// <summary>What <c>journal</c> exits with; scripts may rely on these (README, "The command line").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service refused the command (a rule, a conflict, a value out of range), or it was given up (an empty entry).</summary>
    public const int Refused = 1;

    /// <summary>The command line is wrong: an unknown option, a missing or malformed value, a notebook name that fits several.</summary>
    public const int Usage = 2;

    /// <summary>No such notebook (or nothing to act on).</summary>
    public const int NotFound = 3;

    /// <summary>Not signed in, or the token is refused (revoked, or without the scope this needs).</summary>
    public const int Unauthorized = 4;

    /// <summary>The service cannot be reached, or failed (5xx), even after retrying.</summary>
    public const int Unavailable = 5;

    /// <summary><c>journal audit</c>: a stored figure differs from a replay of the notebook's events.</summary>
    public const int Drift = 6;

    /// <summary>A fault of journal's own (a bug): the message says what failed.</summary>
    public const int Internal = 70;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}

/// <summary>A failure with its exit code and the one line that explains it.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
