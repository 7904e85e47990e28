using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>The response headers the document declares once (components) and the operations refer to.</summary>
internal static class ApiHeaders
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string Link = "Link";
    public const string RetryAfter = "Retry-After";
    public const string WwwAuthenticate = "WWW-Authenticate";

    public static readonly (string Name, OpenApiHeader Header)[] All =
    [
        (ETag, new OpenApiHeader
        {
            Description = "The notebook's version as an entity tag (version 7 is `\"7\"`): send it as If-Match to change the notebook only if no one else has, or as If-None-Match to read it only if it changed.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[0-9]+\"$" },
        }),
        (Location, new OpenApiHeader
        {
            Description = "Where the created resource lives.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        }),
        (Link, new OpenApiHeader
        {
            Description = "`<…>; rel=\"next\"`: the address of the next page, present while there is one.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        }),
        (RetryAfter, new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
        }),
        (WwwAuthenticate, new OpenApiHeader
        {
            Description = "The scheme to sign in with (`Bearer` for a token, `Basic` for email and password) and, for a rejected token, why.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        }),
    ];

    /// <summary>A reference to one of <see cref="All"/>, optionally required.</summary>
    public static IOpenApiHeader Ref(string name, OpenApiDocument? document) => new OpenApiHeaderReference(name, document);
}
