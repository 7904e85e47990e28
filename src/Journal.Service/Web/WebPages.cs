using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.WebEncoders;
using Journal.Http.Security;
using Wolverine.Http.Marten;

namespace Journal.Web;

/// <summary>
/// The server-rendered pages (Razor Pages under Web/Pages): All Notebooks, a notebook, a day, and the
/// forms that start a notebook, log a day and skip a day through the commands' own decisions.
/// </summary>
public static class WebPages
{
    public static WebApplicationBuilder AddJournalWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                o.Conventions.ConfigureFilter(new PageSecurityHeaders());
                o.Conventions.ConfigureFilter(new ExpiredForms());
                // Every page is the signed-in account's, but those marked [AllowAnonymous] (sign-in, sign-up, shared notebooks).
                o.Conventions.AuthorizeFolder("/");
            })
            // Under test hosts the entry assembly is the test runner: name the assembly that holds the pages.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(WebPages).Assembly;
                if (parts.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly)) return;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    parts.ApplicationParts.Add(part);
            });
        // Razor still escapes markup characters; this only stops it from writing "é" as "&#xE9;".
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // The pages' Marten sessions are the signed-in account's tenant, as the API endpoints' are.
        services.AddMartenTenancyDetection(t => t.IsClaimTypeNamed(JournalClaims.Account));
        services.AddScoped<FormCommands>();
        return builder;
    }

    public static WebApplication MapJournalWeb(this WebApplication app)
    {
        app.MapRazorPages();
        WebAssets.Map(app);
        return app;
    }
}

/// <summary>
/// Defence in depth behind the escaping: the pages run no script at all, so the policy allows none.
/// Images come only from this service (remote images in Markdown are links); forms post only to this service.
/// </summary>
internal sealed class PageSecurityHeaders : IResultFilter
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
        "base-uri 'none'; frame-ancestors 'none'";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// A form whose antiforgery token does not check out (kept open across a restart, or forged) gets a page
/// that says what to do, not the API's problem JSON. Nothing was changed.
/// </summary>
internal sealed class ExpiredForms : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not IAntiforgeryValidationFailedResult) return;
        context.Result = new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentType = "text/html; charset=utf-8",
            Content = $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>The form has expired · Journal</title><link rel="stylesheet" href="{WebAssets.Url("journal.css")}"></head>
                <body><main id="main" class="wrap"><section class="not-found"><h1>The form has expired</h1>
                <p>Nothing was saved. Go back, reload the page and send the form again.</p>
                <p><a href="/">← All Notebooks</a></p></section></main></body></html>
                """,
        };
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
