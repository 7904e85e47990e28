using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Journal.Http;

/// <summary>What every request meets before an endpoint: the answer's common headers, HEAD, and checks of the body.</summary>
public static class RequestGuards
{
    /// <summary>No answer of this service is content-sniffed by a browser, whatever its type.</summary>
    public static Task EveryAnswer(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// HEAD wherever GET works (pages, API reads, the OpenAPI document, assets): the GET runs and its body is dropped.
    /// Before routing, so that the GET endpoint is the one chosen.
    /// </summary>
    public static async Task HeadAsGet(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    /// <summary>
    /// 413 for a declared length over the limit, before anything reads the body. Kestrel's own limit
    /// (<see cref="HttpPipeline.MaxBodyBytes"/>, raised for an import) still cuts off chunked bodies that grow past it.
    /// </summary>
    public static Task RejectOversizedBodies(HttpContext context, Func<Task> next)
    {
        var limit = HttpPipeline.MaxBodyBytesOf(context.Request);
        if (limit != HttpPipeline.MaxBodyBytes && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask; // the status code page writes the problem details
        }
        return next();
    }

    /// <summary>
    /// 415 for a body this service cannot read as sent: one that does not say what it is (Wolverine would read it as
    /// JSON), a compressed one, or one in another charset than UTF-8. Media types are compared without regard to case
    /// (<c>APPLICATION/JSON</c> is JSON), as HTTP says.
    /// </summary>
    public static Task RejectUnreadableBodies(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody && request.ContentType is null) return next();
        if (request.ContentType is null)
            return Unsupported(context, "The body does not say what it is (no Content-Type). " + HttpPipeline.BodyAdvice(request));
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            return Unsupported(context, "The body may not be compressed (Content-Encoding): send it as plain application/json.");
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                return Unsupported(context, "The body must be UTF-8 (charset=utf-8, or no charset at all).");
            if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && type.MediaType.Value != "application/json")
                request.ContentType = "application/json; charset=utf-8";
        }
        return next();
    }

    /// <summary>405 with Allow for a method a page does not take (DELETE /, PUT on a notebook page), before anything else answers.</summary>
    public static Task AllowedMethodsOnPages(HttpContext context, Func<Task> next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page) return next();
        var allowed = new[] { HttpMethods.Get, HttpMethods.Head }
            .Concat(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())).Distinct().ToList();
        var method = context.Request.Method.ToUpperInvariant();
        if (allowed.Contains(method)) return next();
        context.Response.Headers.Allow = string.Join(", ", allowed);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask; // the status code page writes the problem details
    }

    /// <summary>The empty GUID names no notebook, and Marten refuses it as a stream id (a 500): 404 before any endpoint runs.</summary>
    public static Task RejectEmptyNotebookIds(HttpContext context, Func<Task> next)
    {
        if (context.GetRouteValue("notebookId") is string id && Guid.TryParse(id, CultureInfo.InvariantCulture, out var notebookId) && notebookId == Guid.Empty)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next();
    }

    private static Task Unsupported(HttpContext context, string detail) =>
        Problems.WriteAsync(context, ProblemTypes.Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type", detail));
}
