using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journal.Http;

/// <summary>
/// Documents the answers every endpoint can give that no single endpoint declares: 412 where If-Match is
/// accepted, 413 and 415 where a body is read, 503 when the database is down.
/// </summary>
internal static class OpenApiResponses
{
    public static Task Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Responses ??= [];
        if (context.Description.RelativePath == HttpPipeline.ImportPath.TrimStart('/') && operation.RequestBody is null)
        {
            // Read as bytes, not bound to a type: say what they are.
            var file = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"An events export: one notebook's JSON Lines (GET /api/notebooks/{{id}}/export), or an account's zip (GET /api/export); at most {HttpPipeline.MaxImportBodyBytes / (1024 * 1024)} MiB.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/x-ndjson"] = file, ["application/zip"] = file },
            };
        }
        // An import needs no Idempotency-Key: importing the same file again changes nothing (200, each notebook unchanged).
        if (context.Description.HttpMethod == "POST" && context.Description.RelativePath != HttpPipeline.ImportPath.TrimStart('/'))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Makes the POST safe to retry: a retry with the same key and body gets the first answer and appends nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.MaxKeyLength },
            });
            Add(operation, "422", "The Idempotency-Key was used before for a different request.");
        }
        if (operation.RequestBody is not null || operation.Parameters?.Count > 0)
            Add(operation, "400", "A value is missing, malformed or out of range; the problem's errors name each field.");
        if (operation.Parameters?.Any(p => p.Name == "If-Match") == true)
            Add(operation, "412", "If-Match named a version that is not the notebook's current one.");
        if (operation.RequestBody is not null)
        {
            Add(operation, "413", $"The body is larger than {HttpPipeline.MaxBodyBytes / 1024} KiB.");
            Add(operation, "415", "The body is not application/json.");
        }
        Add(operation, "503", "The database cannot be reached or cannot write at the moment; retry after the Retry-After delay.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        };
    }
}
