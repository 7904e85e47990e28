using System.Globalization;
using System.Text.Json;
using Journal.Contracts;
using Journal.Http;
using Journal.Http.OpenApi;
using Journal.Notebooks.Rules;
using Marten;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Journal.Notebooks.History;

public static class GetHistoryEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// The notebook's events in order, <c>limit</c> at a time after <c>afterVersion</c>; a
    /// <c>Link: &lt;…&gt;; rel="next"</c> header points at the next page while there is one.
    /// </summary>
    [WolverineGet("/api/notebooks/{notebookId}/history", OperationId = "getHistory")]
    [Tags("History and audit")]
    [EndpointSummary("The notebook's events, in order")]
    [EndpointDescription("Every event of the notebook as it was recorded: its version in the stream, its global sequence, its type, when it was recorded and its data. This is what every figure is built from. Pages of `limit` events follow `afterVersion`; while there are more, a `Link` header with `rel=\"next\"` gives the next page's address.")]
    [ProducesResponseType<HistoryEntry[]>(StatusCodes.Status200OK, Description = "The events after `afterVersion`, at most `limit` of them, oldest first.")]
    [ProducesHeader(StatusCodes.Status200OK, ApiHeaders.Link)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid notebookId, string? afterVersion, string? limit,
        IQuerySession session, IOptions<HttpJsonOptions> json, HttpContext context)
    {
        var fields = new FieldRules();
        var after = fields.WholeNumber("afterVersion", afterVersion, 0, 0, long.MaxValue);
        var take = (int)fields.WholeNumber("limit", limit, DefaultLimit, 1, MaxLimit);
        if (fields.Refusal() is { } invalid) return Problems.Result(invalid);

        var ct = context.RequestAborted;
        var stream = await session.Events.FetchStreamStateAsync(notebookId, ct);
        if (stream is null) return Problems.Result(Refusals.NotebookMissing(notebookId));

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == notebookId && e.Version > after)
            .OrderBy(e => e.Version)
            .Take(take)
            .ToListAsync(ct);
        var options = json.Value.SerializerOptions;
        var entries = events.Select(e => new HistoryEntry(e.Version, e.Sequence, e.EventTypeName, e.Timestamp,
            JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), options))).ToList();

        if (entries.Count == take && entries[^1].Version < stream.Version)
            context.Response.Headers.Link = string.Create(CultureInfo.InvariantCulture,
                $"</api/notebooks/{notebookId}/history?afterVersion={entries[^1].Version}&limit={take}>; rel=\"next\"");
        return TypedResults.Ok(entries);
    }
}
