using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Wolverine.Http;

namespace Journal.Hosting;

public static class Http
{
    public static WebApplicationBuilder AddJournalHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static WebApplication UseJournalHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Journal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());

        app.MapWolverineEndpoints();
        return app;
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
