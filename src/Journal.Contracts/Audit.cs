using System.ComponentModel;
using System.Text.Json;

namespace Journal.Contracts;

/// <summary>One event of a notebook's stream, as GET /api/notebooks/{id}/history lists it.</summary>
/// <param name="Type">The event's stable stored name, e.g. <c>day_logged</c>.</param>
public sealed record HistoryEntry(long Version, long Sequence, string Type, DateTimeOffset RecordedAt,
    [property: Description("The event's data as recorded: an object whose fields depend on its type.")] JsonElement Data);

/// <summary>GET /api/notebooks/{id}/audit: the stored figures checked against a replay of the stream.</summary>
public sealed record AuditResponse(
    bool Consistent,
    IReadOnlyList<AuditDifference> Differences,
    IReadOnlyList<AuditRun> Runs,
    IReadOnlyList<DateOnly> BackfilledDays,
    IReadOnlyList<DateOnly> LateSkips);

/// <summary>A stored figure that a replay does not reproduce; values as JSON.</summary>
public sealed record AuditDifference(string Field,
    [property: Description("The figure as the read model serves it (any JSON value).")] JsonElement? Stored,
    [property: Description("The figure as replaying the events computes it (any JSON value).")] JsonElement? Replayed);

/// <summary>A run of studied and rested days; <paramref name="EndedBy"/> is the missed date that ended it, null while alive.</summary>
public sealed record AuditRun(DateOnly From, DateOnly To, int Length, IReadOnlyList<DateOnly> RestedDates, DateOnly? EndedBy);
