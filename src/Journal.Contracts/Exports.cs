using System.Text.Json;

namespace Journal.Contracts;

/// <summary>
/// One line of an <c>events</c> export (JSON Lines, <c>application/x-ndjson</c>): an event of a notebook's stream as
/// stored, in order. What a replay needs and what POST /api/import takes back.
/// </summary>
/// <param name="Version">The event's position in the notebook's stream: 1, 2, 3, … with no gaps.</param>
/// <param name="Type">The event's stable stored name, e.g. <c>day_logged</c>.</param>
/// <param name="RecordedAt">When it was recorded (UTC, whole microseconds).</param>
/// <param name="Data">The event's facts, as GET /api/notebooks/{id}/history shows them.</param>
public sealed record ExportedEvent(long Version, string Type, DateTimeOffset RecordedAt, JsonElement Data);

/// <summary><c>manifest.json</c> of an account export (GET /api/export): what the zip holds.</summary>
/// <param name="Format">Always <c>journal-export</c>.</param>
/// <param name="FormatVersion">1: one folder per notebook with <c>events.jsonl</c>, <c>notebook.md</c> and <c>days.csv</c>.</param>
public sealed record ExportManifest(string Format, int FormatVersion, DateTimeOffset ExportedAt, Guid AccountId, IReadOnlyList<ExportedNotebook> Notebooks);

/// <summary>One notebook of an account export: its files (paths inside the zip) and the version they show.</summary>
public sealed record ExportedNotebook(Guid Id, string Title, string Status, long Version, string Events, string Markdown, string Csv);

/// <summary>200 or 201 from POST /api/import: each notebook of the file, created or found already there.</summary>
public sealed record ImportResponse(int Created, int Unchanged, IReadOnlyList<ImportedNotebook> Notebooks);

/// <param name="Outcome"><c>created</c>, or <c>unchanged</c> when the account already holds exactly these events.</param>
/// <param name="Events">How many events the notebook's file held (its version).</param>
public sealed record ImportedNotebook(Guid Id, string Title, long Events, string Outcome);
