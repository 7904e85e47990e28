using System.Security.Cryptography;

namespace Journal.Web;

/// <summary>
/// The stylesheet and icon, embedded in the assembly and served by the service (no CDN, no files to deploy).
/// Pages link them with a content hash in the query, so they can be cached for good.
/// </summary>
public static class WebAssets
{
    private sealed record Asset(byte[] Content, string ContentType, string Hash);

    private static readonly Dictionary<string, Asset> Assets = new(StringComparer.Ordinal)
    {
        ["journal.css"] = Load("journal.css", "text/css; charset=utf-8"),
        ["icon.svg"] = Load("icon.svg", "image/svg+xml"),
    };

    /// <summary>The address to link: <c>/assets/journal.css?v=…</c>.</summary>
    public static string Url(string name) => $"/assets/{name}?v={Assets[name].Hash}";

    internal static void Map(WebApplication app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            var etag = $"\"{asset.Hash}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=300";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            if (context.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(asset.Content, asset.ContentType);
        }).ExcludeFromDescription();

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream($"Journal.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The web asset {name} is not embedded in the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var content = memory.ToArray();
        return new Asset(content, contentType, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
    }
}
