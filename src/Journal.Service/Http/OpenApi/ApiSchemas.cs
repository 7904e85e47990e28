using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>Schemas the generator gets wrong for this API's JSON.</summary>
internal static class ApiSchemas
{
    /// <summary>
    /// A <see cref="TimeOnly"/> is a local time of day (<see cref="LocalTimes"/>), not RFC 3339's <c>full-time</c>
    /// with an offset that <c>format: time</c> would promise.
    /// </summary>
    public static Task LocalTimeOfDay(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) != typeof(TimeOnly)) return Task.CompletedTask;
        schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        schema.Format = null;
        schema.Pattern = LocalTimes.Pattern;
        schema.Description = "A local time of day on the notebook's clock, HH:mm (seconds optional), without an offset.";
        schema.Examples = [JsonValue.Create("04:00")];
        return Task.CompletedTask;
    }

    /// <summary>Named schemas as the generator names them, but a <see cref="JsonElement"/> (any JSON) stays inline, described where it is used.</summary>
    public static string? ReferenceId(JsonTypeInfo type) =>
        IsJson(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    private static bool IsJson(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(JsonElement);
}
