using Journal.Notebooks;

namespace Journal.Http;

/// <summary>Stream versions as entity tags: version 7 is <c>"7"</c>; If-Match and If-None-Match against them.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Write(HttpResponse response, long version) => response.Headers.ETag = Of(version);

    /// <summary>Writes the ETag; true when the request's If-None-Match already names it (answer 304).</summary>
    public static bool NotModified(HttpContext context, long version)
    {
        var tag = Of(version);
        context.Response.Headers.ETag = tag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0 && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(t => t == tag || t == "*" || t == "W/" + tag);
    }

    /// <summary>An <c>If-Match</c> that names neither the current version nor <c>*</c> refuses the command (412).</summary>
    public static Refusal? Stale(string? ifMatch, long version)
    {
        if (ifMatch is null) return null;
        var current = Of(version);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current);
        return matches
            ? null
            : new Refusal(RefusalKind.Stale, ProblemTypes.VersionMismatch, "The notebook has changed",
                $"If-Match named {Shorten(ifMatch)} but the notebook is at version {version} (ETag {current}). Read it again and retry.");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
