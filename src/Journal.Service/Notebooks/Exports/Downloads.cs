using Microsoft.Net.Http.Headers;

namespace Journal.Notebooks.Exports;

/// <summary>The headers of a download: its type, a file name (ASCII, and UTF-8 for other scripts), never cached.</summary>
public static class Downloads
{
    public static void Start(HttpResponse response, string mediaType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.ContentType = mediaType;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store"; // a person's notebooks: no proxy or browser cache keeps a copy
    }
}
