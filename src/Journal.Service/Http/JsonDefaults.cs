using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journal.Http;

/// <summary>The API's JSON: web defaults (camelCase), unknown fields rejected, numbers as numbers, enums as names, times of day as HH:mm.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Http = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Converters.Add(new JsonStringEnumConverter());
        o.Converters.Add(new LocalTimes());
        o.MaxDepth = 32;
        o.AllowDuplicateProperties = false;
        return o;
    }
}
