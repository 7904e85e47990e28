namespace Journal.Notebooks;

/// <summary>Why a command was refused; the API answers 400, 401, 403, 404, 409, 412 and 429 for them.</summary>
public enum RefusalKind
{
    /// <summary>A value is missing, malformed or out of range.</summary>
    Invalid,
    /// <summary>What the command names does not exist.</summary>
    NotFound,
    /// <summary>The notebook's state does not allow it.</summary>
    Conflict,
    /// <summary>The command was made for a version of the notebook that is no longer current.</summary>
    Stale,
    /// <summary>The credentials given do not sign anyone in.</summary>
    Unauthenticated,
    /// <summary>The one who asks may not do this.</summary>
    Forbidden,
    /// <summary>Too many attempts: retry after a while.</summary>
    TooMany,
}
