namespace Journal.Contracts;

/// <summary>201 from POST /api/notebooks.</summary>
public sealed record NotebookStartedResponse(Guid Id, long Version);

/// <summary>201 from POST /api/notebooks/{id}/days.</summary>
public sealed record DayLoggedResponse(DateOnly Date, int DayNumber, long Version);

/// <summary>201 from POST /api/notebooks/{id}/skips, 200 from PUT /api/notebooks/{id}/days/{date}.</summary>
public sealed record DayResponse(DateOnly Date, long Version);

/// <summary>200 from the other writes: the stream version after the change.</summary>
public sealed record VersionResponse(long Version);
