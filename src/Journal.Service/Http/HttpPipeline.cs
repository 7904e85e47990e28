using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Journal.Http.OpenApi;
using Journal.Http.Security;

namespace Journal.Http;

/// <summary>The API's HTTP: JSON, problem details, request guards, OpenAPI and its reference page, Wolverine's endpoints.</summary>
public static class HttpPipeline
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>POST /api/import takes a whole account's export: its body may be larger than a command's.</summary>
    public const string ImportPath = "/api/import";

    public const long MaxImportBodyBytes = 64L * 1024 * 1024;

    /// <summary>What an import's body is sent as; the bytes themselves say whether they are a zip.</summary>
    public static readonly string[] ImportMediaTypes =
        ["application/x-ndjson", "application/jsonl", "application/zip", "application/x-zip-compressed", "application/octet-stream", "application/json"];

    private static bool IsImport(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(ImportPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>How <paramref name="request"/> should send its body, for the 415 that says so.</summary>
    public static string BodyAdvice(HttpRequest request) => IsImport(request)
        ? "Send one notebook's events export as application/x-ndjson, or an account export as application/zip."
        : "Send the body as application/json.";

    /// <summary>The largest body <paramref name="request"/> may send.</summary>
    public static long MaxBodyBytesOf(HttpRequest request) =>
        IsImport(request) ? MaxImportBodyBytes : MaxBodyBytes;

    public static WebApplicationBuilder AddJournalApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Shape);
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>(); // after the default writer: the fallback
        builder.Services.AddExceptionHandler<DatabaseOutages>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(ApiDocument.Describe);
            o.AddDocumentTransformer(OpenApiSecurity.Schemes);
            o.CreateSchemaReferenceId = ApiSchemas.ReferenceId;
            o.AddSchemaTransformer(ApiSchemas.LocalTimeOfDay);
            o.AddOperationTransformer(OpenApiSecurity.Requirements);
            o.AddOperationTransformer(ApiOperations.Describe); // last: it gives every error its problem schema
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddScoped<NotebookCommands>();
        return builder;
    }

    /// <summary>
    /// Problem details for every error, the headers of every answer, HEAD wherever GET works, and the guards that run
    /// before any endpoint reads a body; then routing, and the guards that need the endpoint (a page's methods, ids).
    /// </summary>
    public static WebApplication UseJournalHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestGuards.EveryAnswer);
        app.Use(RequestGuards.HeadAsGet);
        app.Use(RequestGuards.RejectOversizedBodies);
        app.Use(RequestGuards.RejectUnreadableBodies);
        app.UseRouting();
        app.Use(RequestGuards.AllowedMethodsOnPages);
        app.Use(RequestGuards.RejectEmptyNotebookIds);
        app.Use(ReferencePagePolicy.Apply);
        return app;
    }

    public static WebApplication MapJournalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>The command and query endpoints (Wolverine), the OpenAPI document and the reference page at /docs.</summary>
    public static WebApplication MapJournalApi(this WebApplication app)
    {
        app.MapWolverineEndpoints(o =>
        {
            o.MapMartenConcurrencyFailuresToConflict(toProblemDetails: Problems.ConcurrentChange);
            // Every endpoint needs a signed-in account (but those marked [AllowAnonymous]); its notebooks are its tenant.
            o.RequireAuthorizeOnAll();
            o.TenantId.IsClaimTypeNamed(JournalClaims.Account);
            o.TenantId.AssertExists();
            o.ConfigureEndpoints(DeclaredAnswersOnly);
            o.ConfigureEndpoints(JournalSecurity.Protect);
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Journal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
        return app;
    }

    /// <summary>
    /// An endpoint that answers with an <see cref="IResult"/> declares its answers with [ProducesResponseType]; what
    /// Wolverine guesses from that return type (a 200 whose body would be "IResult", a bodiless 404) is dropped.
    /// </summary>
    private static void DeclaredAnswersOnly(HttpChain chain)
    {
        if (chain.ResourceType != typeof(IResult)) return;
        chain.Metadata.Finally(endpoint =>
        {
            // Declared answers are attributes; the guesses are plain metadata.
            var guessed = endpoint.Metadata.OfType<ProducesResponseTypeMetadata>()
                .Where(answer => answer.Type == typeof(IResult) || answer is { StatusCode: StatusCodes.Status404NotFound } && answer.Type == typeof(void))
                .ToList();
            foreach (var answer in guessed) endpoint.Metadata.Remove(answer);
        });
    }
}
