using Journal.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Journal.Hosting;

public static class Http
{
    public const int MaxBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddJournalHttp(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Shape);
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>(); // after the default writer: the fallback
        builder.Services.AddExceptionHandler<DatabaseOutages>();
        builder.Services.AddOpenApi(o => o.AddOperationTransformer(OpenApiResponses.Add));
        builder.Services.AddWolverineHttp();
        builder.AddJournalWeb();
        return builder;
    }

    public static WebApplication UseJournalHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        app.Use(RejectUntypedBodies);
        app.Use(RejectEmptyNotebookIds);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Journal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());

        app.MapWolverineEndpoints(o => o.MapMartenConcurrencyFailuresToConflict(toProblemDetails: Problems.ConcurrentChange));
        app.MapJournalWeb();
        return app;
    }

    /// <summary>
    /// 413 for a declared length over the limit, before anything reads the body. Kestrel's own limit
    /// (set above) still cuts off chunked bodies that grow past it.
    /// </summary>
    private static Task RejectOversizedBodies(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask; // the status code page writes the problem details
        }
        return next();
    }

    /// <summary>415 for a body that does not say what it is: Wolverine would otherwise read it as JSON.</summary>
    private static Task RejectUntypedBodies(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (request.ContentType is null && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }
        return next();
    }

    /// <summary>The empty GUID names no notebook, and Marten refuses it as a stream id (a 500): 404 before any endpoint runs.</summary>
    private static Task RejectEmptyNotebookIds(HttpContext context, Func<Task> next)
    {
        if (context.GetRouteValue("notebookId") is string id && Guid.TryParse(id, out var notebookId) && notebookId == Guid.Empty)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next();
    }

    public static void LogWhenReady(this WebApplication app, string? dataDirectory)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("Journal is ready on {Urls}; data in {Data}", urls,
                dataDirectory ?? "the database named by ConnectionStrings:Journal");
        });
    }
}
