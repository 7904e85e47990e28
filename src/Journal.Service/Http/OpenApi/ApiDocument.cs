using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>
/// The document as a whole: what the API is, where it is served, what its tags mean, the problem details every error
/// answers with (RFC 9457, extension members allowed) and the response headers the operations share.
/// </summary>
internal static class ApiDocument
{
    public const string Problem = "Problem";

    public static readonly (string Name, string Description)[] Tags =
    [
        ("Notebooks", "A notebook is one focused run of study: a plan (so many days within a span, minutes a day), the spark that started it, and its days. Start one, change its plan or time zone, abandon or resume it, read its progress now or as it stood at any moment, and list them all."),
        ("Days", "Study days and rest days: log a day's entry (a title, a summary and the full entry behind \"Read more\"), revise or retract it, skip a day on purpose or take the skip back, and read one day in full."),
        ("History and audit", "The events behind every figure, in the order they were recorded, and an audit that replays them and compares the result with what the read models serve."),
        ("Study", "All of an account's notebooks together: one calendar of studied and rested dates, the all-notebook streak, minutes per week and totals by notebook. Built in the background: it may trail the latest change by a moment, and says so."),
        ("Export and import", "Your data is yours: download a notebook as its events, as Markdown or as CSV, or every notebook as one zip; import an events export here or on another instance, checked through the same rules as the API."),
        ("Accounts", "Sign up, see whom the credentials sign in, change the password."),
        ("Tokens", "Personal access tokens for the API and the command-line client: make one with the account's email and password, list them, revoke one."),
        ("Sharing", "Share a notebook read-only through a secret address, stop sharing it, and read a shared notebook without an account."),
    ];

    public static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Journal API",
            Version = "1",
            Summary = "An event-sourced study journal: notebooks, study days, rest days, progress and its history.",
            Description = Overview,
            // No licence has been granted (the repository's LICENSE): an SPDX reference to that, not a borrowed licence.
            License = new OpenApiLicense { Name = "Proprietary: all rights reserved", Identifier = "LicenseRef-Journal-Proprietary" },
        };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, header) in ApiHeaders.All) document.Components.Headers[name] = header;
        return Task.CompletedTask;
    }

    private const string Overview = """
        Journal keeps a notebook of each focused run of study: the plan, the spark that started it, one entry per study
        day and the rest days skipped on purpose. Every change is an event; progress, streaks, pace and the day pages
        are built from the events, so any figure can be audited by replaying them and any notebook seen as it stood at
        any moment (`?version=`, `?asOf=`, `?on=`).

        **Signing in.** Send a personal access token as `Authorization: Bearer jnl_…`. Make one with
        `POST /api/tokens` and the account's email and password (HTTP Basic), or on the tokens page. Tokens carry
        scopes: `notebooks:read` to read, `notebooks:write` to change.

        **Errors** are RFC 9457 problem details (`application/problem+json`): branch on `type`, show `detail`, and
        quote `traceId` when reporting a fault. Validation problems name each field in `errors`. A refused request
        never appends an event. The types are listed in the service's docs/problems.md.

        **Changing a notebook safely.** Every answer about a notebook carries its version as an `ETag`. Send it back
        as `If-Match` and the change is refused with 412 if someone changed the notebook in between. Send
        `If-None-Match` on a read to get 304 while nothing changed.

        **Retrying.** A `POST` with an `Idempotency-Key` header can be retried safely: the same key and body get the
        first answer again and append nothing.

        **Limits.** Bodies up to 256 KiB of UTF-8 JSON; each set of credentials has a request rate, and a 429 or 503
        says in `Retry-After` when to try again.
        """;

    /// <summary>RFC 9457 problem details as Journal writes them; other members may appear (extensions are allowed).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. Clients branch on `type`; people read `detail`. Further members may appear.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "uri-reference",
                Description = "What went wrong, as a stable relative URI such as `/problems/validation-failed` (see docs/problems.md).",
            },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the problem type." },
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599",
                Description = "The HTTP status code of this answer.",
            },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What happened in this request, for a person to read." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The address the problem occurred at, when given." },
            ["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request's W3C trace context id: quote it to find the request in the service's logs.",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation problems only: each invalid field, named by its JSON path (`plan.days`) or header, with what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        AdditionalPropertiesAllowed = true,
        Examples = [new JsonObject
        {
            ["type"] = "/problems/validation-failed",
            ["title"] = "The request is not valid",
            ["status"] = 400,
            ["detail"] = "plan.days must be between 1 and 366.",
            ["errors"] = new JsonObject { ["plan.days"] = new JsonArray("plan.days must be between 1 and 366.") },
            ["traceId"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        }],
    };
}
