using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>
/// Each operation as a client sees it: its description, typed parameters, the conditional and idempotency headers it
/// takes, the answers every endpoint can give that no single endpoint declares (400, 404, 412, 413, 415, 422, 503),
/// the headers of its answers, and problem details as the body of every error.
/// </summary>
internal static class ApiOperations
{
    public const string IfMatch = "If-Match";
    public const string IfNoneMatch = "If-None-Match";

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document;
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // Wolverine fills an undescribed operation's description with its operationId: a reader deserves better.
        operation.Description = metadata.OfType<IEndpointDescriptionMetadata>().Select(d => d.Description)
            .LastOrDefault(d => d != operation.OperationId);
        operation.Parameters ??= [];
        operation.Responses ??= [];
        // Wolverine passes on the status and type of [ProducesResponseType], not its words.
        foreach (var declared in metadata.OfType<ProducesResponseTypeAttribute>())
            if (declared.Description is { } words && operation.Responses.TryGetValue(Code(declared.StatusCode), out var response)
                && response is OpenApiResponse described)
                described.Description = words;
        ApiParameters.Describe(operation);
        ApiExamples.Describe(operation);
        Files(operation, context);

        var method = context.Description.HttpMethod;
        if (metadata.OfType<IdempotencyKeyAttribute>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Makes the POST safe to retry: a retry with the same key and body gets the first answer again and appends nothing. Keys are kept for a day.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Idempotency.MaxKeyLength, Pattern = "^[!-~]+$" },
            });
            if (operation.RequestBody is not null)
                Add(operation, "422", "The Idempotency-Key was used before with a different body at this address (`/problems/idempotency-key-reused`).");
        }
        var ifMatch = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == IfMatch);
        if (ifMatch is not null)
        {
            ifMatch.Description = "Change the notebook only if it is still at this version: its ETag (`\"7\"`), or `*`. Otherwise the answer is 412.";
            ifMatch.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            Add(operation, "412", "If-Match named a version that is not the notebook's current one: read it again and retry.");
        }
        var conditionalRead = operation.Responses.ContainsKey("304");
        if (conditionalRead)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IfNoneMatch,
                In = ParameterLocation.Header,
                Description = "The ETag of the copy the client holds: the answer is 304 with no body while the notebook is still at that version.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses["304"] = new OpenApiResponse { Description = "The notebook has not changed since the ETag named in If-None-Match." };
        }

        // A malformed id in the address is no route (404); a body, a query, a date in the address or a key can be malformed.
        if (operation.RequestBody is not null || operation.Parameters.Any(p => p.In is ParameterLocation.Query || p.Name is "date" or Idempotency.Header))
            Add(operation, "400", "A value is missing, malformed or out of range (`/problems/validation-failed`, whose errors name each field), or the body is not JSON this endpoint takes (`/problems/malformed-request`).");
        if (operation.Parameters.Any(p => p.Name == "notebookId"))
            Add(operation, "404", "You have no notebook with this id (`/problems/notebook-not-found`), or, where the address names a date, nothing is recorded for it.");
        if (context.Description.RelativePath == HttpPipeline.ImportPath.TrimStart('/'))
        {
            Add(operation, "413", $"The file is larger than {HttpPipeline.MaxImportBodyBytes / (1024 * 1024)} MiB (`/problems/request-too-large`): import the notebooks in several parts.");
            Add(operation, "415", "The body is neither JSON Lines nor a zip (`/problems/unsupported-media-type`).");
        }
        else if (operation.RequestBody is not null)
        {
            Add(operation, "413", $"The body is larger than {HttpPipeline.MaxBodyBytes / 1024} KiB (`/problems/request-too-large`).");
            Add(operation, "415", "The body is not UTF-8 application/json, or is compressed (`/problems/unsupported-media-type`).");
            Add(operation, "406", "Accept rules out application/json, the only type this endpoint answers with (`/problems/not-acceptable`).");
        }
        Add(operation, "503", "The database cannot be reached, or cannot write at the moment (reads may still work): retry after the Retry-After delay.");

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse answer) continue;
            var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            if (code >= 400)
                answer.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ApiDocument.Problem, document) },
                };
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (code == 201) answer.Headers[ApiHeaders.Location] = ApiHeaders.Ref(ApiHeaders.Location, document);
            if ((ifMatch is not null && code is >= 200 and < 300) || (conditionalRead && code is 200 or 304))
                answer.Headers[ApiHeaders.ETag] = ApiHeaders.Ref(ApiHeaders.ETag, document);
            if (code is 429 or 503) answer.Headers[ApiHeaders.RetryAfter] = ApiHeaders.Ref(ApiHeaders.RetryAfter, document);
            if (code == 401) answer.Headers[ApiHeaders.WwwAuthenticate] = ApiHeaders.Ref(ApiHeaders.WwwAuthenticate, document);
            foreach (var header in metadata.OfType<ProducesHeaderAttribute>().Where(h => h.Status == code))
                answer.Headers[header.Name] = ApiHeaders.Ref(header.Name, document);
            if (answer.Headers.Count == 0) answer.Headers = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Downloads answer with a file, not JSON: text for the text formats, bytes for a zip. POST /api/import reads its
    /// body as bytes (not bound to a type), so it says here what they are.
    /// </summary>
    private static void Files(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var media in operation.Responses!.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>()
                     .SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()).Where(c => c.Key != "application/json"))
            media.Value.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = media.Key.StartsWith("text/", StringComparison.Ordinal) || media.Key == "application/x-ndjson" ? null : "binary",
            };
        if (context.Description.RelativePath != HttpPipeline.ImportPath.TrimStart('/')) return;
        var file = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"An events export: one notebook's JSON Lines (GET /api/notebooks/{{notebookId}}/export), or an account's zip (GET /api/export); at most {HttpPipeline.MaxImportBodyBytes / (1024 * 1024)} MiB.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/x-ndjson"] = file, ["application/zip"] = file },
        };
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var declared))
        {
            // A status an endpoint declares itself gets the shared words unless it has its own.
            if (declared is OpenApiResponse answer && answer.Description == ReasonPhrase(status)) answer.Description = description;
            return;
        }
        operation.Responses[status] = new OpenApiResponse { Description = description };
    }

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ReasonPhrase(string status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Declares a response header (one of <see cref="ApiHeaders"/>) that an endpoint sends with the given status.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesHeaderAttribute(int status, string name) : Attribute
{
    public int Status { get; } = status;
    public string Name { get; } = name;
}
