using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journal.Http.Security;

/// <summary>
/// Declares how the API signs in: a bearer token (a personal access token) on every operation, Basic (email and
/// password) on making a token, none on signing up and on shared notebooks; and the 401, 403 and 429 that come with it.
/// </summary>
internal static class OpenApiSecurity
{
    public const string Bearer = "bearer";
    public const string Basic = "basic";

    public static Task Schemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "jnl_…",
            Description = "A personal access token: POST /api/tokens, or the tokens page (/account/tokens). Shown once; revoke it with DELETE /api/tokens/{id}.",
        };
        document.Components.SecuritySchemes[Basic] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "The account's email and password, taken only by POST /api/tokens (what a command-line client does at login).",
        };
        return Task.CompletedTask;
    }

    public static Task Requirements(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        Add(operation, "429", "Too many requests for these credentials (or, signing up and in, from this address); retry after the Retry-After delay.");
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = []; // explicitly open: no credentials needed
            return Task.CompletedTask;
        }
        var basic = metadata.OfType<AuthorizeAttribute>().Any(a => a.Policy == JournalSecurity.Credentials);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(basic ? Basic : Bearer, context.Document)] = [] }];
        Add(operation, "401", "No credentials, or credentials that sign no one in (WWW-Authenticate says which scheme).");
        // Scopes guard the notebooks; the cookie guard (a JSON body) every write. Reading one's own account is never refused.
        if (context.Description.HttpMethod != "GET"
            || metadata.OfType<IAuthorizeData>().Any(a => a.Policy is JournalSecurity.ReadNotebooks or JournalSecurity.WriteNotebooks))
            Add(operation, "403", "The token's scopes do not allow this (`/problems/forbidden`: notebooks:read to read, notebooks:write to change), or a write signed in by the pages' cookie has no JSON body (`/problems/cookie-write-needs-json`).");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse { Description = description };
    }
}
