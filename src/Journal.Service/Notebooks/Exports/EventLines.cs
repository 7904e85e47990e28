using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Journal.Contracts;
using Journal.Notebooks.Progress;

namespace Journal.Notebooks.Exports;

/// <summary>An event read back from an events file: where it stood (file and line), and what it says.</summary>
public sealed record ImportedEvent(string File, int Line, long Version, string Type, DateTimeOffset RecordedAt, object Data);

/// <summary>Why a file is not an events export (400), or where a history breaks a rule (422), by file and line.</summary>
public sealed record ImportProblem(string File, int Line, string Reason, string? RuleType = null, long? Version = null, string? EventType = null);

/// <summary>
/// The <c>events</c> export: JSON Lines, one event a line in stream order, <c>{"version","type","recordedAt","data"}</c>
/// (<see cref="ExportedEvent"/>), the data in the API's JSON (camelCase, every property, nulls too). Its own JSON
/// options, fixed here: the same events always give the same bytes, so a re-export of an import is identical.
/// </summary>
public static class EventLines
{
    public const string MediaType = "application/x-ndjson";

    /// <summary>A line longer than this is no event of Journal's (an entry of 100,000 characters, escaped, is well below).</summary>
    public const int MaxLineChars = 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Text as written (accents, CJK, emoji stay themselves); quotes, backslashes and controls are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly IReadOnlyDictionary<string, Type> Types = NotebookEvents.Names.ToDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    /// <summary>Writes one stored event as a line, newline included.</summary>
    public static void Write(IBufferWriter<byte> output, IEvent e)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Json.Encoder, MaxDepth = Json.MaxDepth }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", e.Version);
            writer.WriteString("type", NotebookEvents.Names[e.Data.GetType()]);
            writer.WriteString("recordedAt", EventTimes.Of(e));
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, e.Data, e.Data.GetType(), Json);
            writer.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    /// <summary>One line of a file: the event it holds, or why it holds none that Journal wrote.</summary>
    public static (ImportedEvent? Event, ImportProblem? Problem) Read(string file, int line, string text)
    {
        ImportProblem Problem(string reason) => new(file, line, reason);
        ExportedEvent? exported;
        try
        {
            exported = JsonSerializer.Deserialize<ExportedEvent>(text, Json);
        }
        catch (JsonException e)
        {
            return (null, Problem($"not an event as Journal exports them ({Describe(e)}); each line is {{\"version\", \"type\", \"recordedAt\", \"data\"}}."));
        }
        if (exported is null) return (null, Problem("null is not an event."));
        if (!Types.TryGetValue(exported.Type, out var type))
            return (null, Problem($"\"{Shorten(exported.Type)}\" is not a notebook event; the types are {string.Join(", ", Types.Keys)}."));
        if (exported.Version < 1) return (null, Problem($"version {exported.Version} is not a stream position (they start at 1)."));
        if (exported.RecordedAt != EventTimes.Stored(exported.RecordedAt))
            return (null, Problem("recordedAt is finer than whole microseconds, which no store of Journal's keeps."));
        object? data;
        try
        {
            data = exported.Data.Deserialize(type, Json);
        }
        catch (JsonException e)
        {
            return (null, Problem($"the data of {exported.Type} does not read ({Describe(e)})."));
        }
        return data is null
            ? (null, Problem($"{exported.Type} has no data."))
            : (new ImportedEvent(file, line, exported.Version, exported.Type, EventTimes.Stored(exported.RecordedAt), data), null);
    }

    /// <summary>The event's facts as the file writes them, for messages that name what differs.</summary>
    public static JsonElement Facts(object data) => JsonSerializer.SerializeToElement(data, data.GetType(), Json);

    /// <summary>A parser's message in the file's words: where, never which .NET type.</summary>
    private static string Describe(JsonException e)
    {
        var where = e.Path is { Length: > 0 } path ? $"at {path}" : "";
        var why = e.Message.Contains("missing required properties", StringComparison.Ordinal) ? "a property is missing"
            : e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "a property Journal does not know"
            : e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase) ? "null where a value is needed"
            : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "a value of the wrong type or format"
            : e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "a property given twice"
            : "not valid JSON";
        return string.Join(" ", new[] { why, where }.Where(s => s.Length > 0));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>"line 7" for messages.</summary>
    public static string At(ImportProblem problem) =>
        string.Create(CultureInfo.InvariantCulture, $"{problem.File}, line {problem.Line}");
}
