using System.Text.Json.Nodes;
using Journal.Notebooks;
using Journal.Notebooks.History;
using Journal.Notebooks.Index;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>
/// The API's parameter vocabulary: every query and route parameter, by name, with the type, bounds and format the
/// service enforces. The endpoints take query values as text (to answer a bad one with a problem that names it);
/// this is where the document says what they really are. A test fails on any parameter left a bare string.
/// </summary>
internal static class ApiParameters
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<OpenApiSchema> Schema)> Known =
        new Dictionary<string, (string, Func<OpenApiSchema>)>(StringComparer.Ordinal)
        {
            ["notebookId"] = ("The notebook's id, as POST /api/notebooks or the index gave it.", Uuid),
            ["tokenId"] = ("The token's id, as POST /api/tokens or GET /api/tokens gave it.", Uuid),
            ["slug"] = ("The secret part of a share address, as POST /api/notebooks/{notebookId}/share gave it.",
                () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 }),
            ["date"] = ("A calendar date in the notebook's time zone, `yyyy-MM-dd`.", Date),
            ["version"] = ("The notebook as it was after its first `version` events (1 is just after it started). At most one of version, asOf and on.",
                () => Whole(1, long.MaxValue, "int64")),
            ["asOf"] = ("The notebook as it was at this instant (RFC 3339, e.g. `2026-05-03T12:00:00Z`): the events recorded by then, and today as that instant's date in the notebook's time zone. Before the notebook was started: 404.",
                () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }),
            ["on"] = ("The notebook as it stood on this date (`yyyy-MM-dd`): the days and rest days dated on or before it, and today as that date. Before its start date: 404, as for asOf.",
                Date),
            ["days"] = ($"How many day cards to include, the most recent ones, with their day numbers (0 for none, {Limits.PlanDaysMax} for every one: a notebook holds at most that many). `daysLogged` always counts them all.",
                () => Whole(0, Limits.PlanDaysMax, "int32", ProgressView.DefaultDays)),
            ["status"] = ("Only the notebooks with this status.",
                () => new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Enum.GetNames<NotebookStatus>().Select(n => (JsonNode)JsonValue.Create(n))],
                }),
            ["format"] = ("What to download: `events` (JSON Lines, what an import takes back; the default), `markdown` (the notebook as its page reads) or `csv` (one row per day).",
                () => new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create("events"), JsonValue.Create("markdown"), JsonValue.Create("csv")],
                    Default = JsonValue.Create("events"),
                }),
            ["page"] = ("The page to show, from 1.",
                () => Whole(1, int.MaxValue / GetNotebookIndexEndpoint.MaxPageSize, "int32", 1)),
            ["pageSize"] = ($"Notebooks per page, at most {GetNotebookIndexEndpoint.MaxPageSize}.",
                () => Whole(1, GetNotebookIndexEndpoint.MaxPageSize, "int32", GetNotebookIndexEndpoint.DefaultPageSize)),
            ["afterVersion"] = ("Only the events after this version (0, the default, is from the first).",
                () => Whole(0, long.MaxValue, "int64", 0)),
            ["limit"] = ($"At most this many events; a `Link: <…>; rel=\"next\"` header points at the rest.",
                () => Whole(1, GetHistoryEndpoint.MaxLimit, "int32", GetHistoryEndpoint.DefaultLimit)),
        };

    /// <summary>An example of each parameter a route needs (tools that call every operation use them).</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["notebookId"] = "0196f1c4-6a2b-7c3d-9e4f-5a6b7c8d9e0f",
        ["tokenId"] = "0196f1c4-7b3c-7d4e-8f5a-6b7c8d9e0f1a",
        ["slug"] = "6Oc_bXY7Qn-IrYai8XE9Zw",
        ["date"] = "2026-04-28",
        ["asOf"] = "2026-05-03T12:00:00Z",
        ["on"] = "2026-05-01",
    };

    /// <summary>Types and describes the operation's path and query parameters from <see cref="Known"/>.</summary>
    public static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In is not (ParameterLocation.Path or ParameterLocation.Query) || parameter.Name is null) continue;
            if (!Known.TryGetValue(parameter.Name, out var known)) continue;
            parameter.Description = known.Description;
            parameter.Schema = known.Schema();
            if (Examples.TryGetValue(parameter.Name, out var example)) parameter.Example = JsonValue.Create(example);
        }
    }

    private static OpenApiSchema Uuid() => new() { Type = JsonSchemaType.String, Format = "uuid" };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Whole(long min, long max, string format, long? fallback = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = format,
        Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = fallback is { } f ? JsonValue.Create(f) : null,
    };
}
