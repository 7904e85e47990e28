using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Journal.Http;

/// <summary>
/// A Content-Security-Policy for the API reference page (/docs/, Scalar): its scripts and styles come from this service
/// alone, the one inline script it writes is allowed by its hash (computed from the page as served), nothing is framed.
/// </summary>
public static partial class ReferencePagePolicy
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/docs"))
        {
            await next();
            return;
        }
        var body = context.Response.Body;
        using var page = new MemoryStream();
        context.Response.Body = page;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
        }
        var hashes = "";
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(page.GetBuffer(), 0, (int)page.Length);
            hashes = string.Concat(InlineScript().Matches(html).Select(m => $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));
        }
        if (!context.Response.HasStarted)
        {
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            context.Response.ContentLength = page.Length;
        }
        page.Position = 0;
        await page.CopyToAsync(body, context.RequestAborted);
    }

    [GeneratedRegex("<script(?:\\s+type=\"module\")?>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
