using Journal.Contracts;
using Journal.Http;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;

namespace Journal.Notebooks.Exports;

public static class ImportEndpoint
{
    [WolverinePost("/api/import", OperationId = "importNotebooks")]
    [Tags("Export and import")]
    [EndpointSummary("Import notebooks")]
    [EndpointDescription("""
        Recreates each notebook of the file in this account with its id, versions and recorded times, replaying every
        event through the same deciders as the API at the time it was recorded: a history that breaks a rule is refused
        whole (422, naming the file, line and reason), and nothing is written until every notebook passed. A notebook this
        account already holds with exactly these events is left unchanged, so importing the same file twice is a no-op
        (200); one whose id holds other events is refused (409). Exporting an imported notebook gives the same file.
        Send the body as application/x-ndjson or application/zip (at most 64 MiB).
        """)]
    [Consumes("application/x-ndjson", "application/jsonl", "application/zip", "application/x-zip-compressed", "application/octet-stream", "application/json")]
    [ProducesResponseType<ImportResponse>(StatusCodes.Status201Created, Description = "Notebooks were created; the body lists each notebook of the file and what became of it.")]
    [ProducesResponseType<ImportResponse>(StatusCodes.Status200OK, Description = "Every notebook of the file was here already with exactly these events: nothing changed.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json", Description = "A notebook's id holds other events in this account, or in another account (`/problems/notebook-exists`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json", Description = "The history breaks a rule at the line named (`/problems/import-refused`, with the rule's own problem type): nothing was imported.")]
    public static async Task<IResult> Post(IQuerySession tenant, IDocumentStore store, HttpContext http)
    {
        var request = http.Request;
        var ct = http.RequestAborted;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !HttpPipeline.ImportMediaTypes.Contains(type.MediaType.Value ?? "", StringComparer.OrdinalIgnoreCase))
            return Results.Problem(ProblemTypes.Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                HttpPipeline.BodyAdvice(request)));

        // Spooled to a temporary file (deleted on close): a zip is read from its end, and nothing is written before all is read.
        var spool = Path.Combine(Path.GetTempPath(), $"journal-import-{Guid.NewGuid():N}");
        await using var body = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        if (!await CopyWithinLimitAsync(request.Body, body, HttpPipeline.MaxImportBodyBytes, ct)) return TooLarge();
        body.Position = 0;

        var (notebooks, failed) = await NotebookImports.ReadAsync(body, "the file", ct);
        var outcome = failed ?? await NotebookImports.ImportAsync(store, tenant.TenantId, notebooks, progress: null, ct);
        if (outcome.Imported is not { } imported) return Results.Problem(ImportProblems.For(outcome));
        if (imported.Created == 0) return TypedResults.Ok(imported);
        var location = imported.Created == 1 ? $"/api/notebooks/{imported.Notebooks.Single(n => n.Outcome == "created").Id}" : null;
        return TypedResults.Created(location, imported);
    }

    private static IResult TooLarge() =>
        Results.Problem(ProblemTypes.Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.RequestTooLarge, "Request body too large",
            $"An import may be at most {HttpPipeline.MaxImportBodyBytes / (1024 * 1024)} MiB; import a large account's notebooks in several parts."));

    private static async Task<bool> CopyWithinLimitAsync(Stream from, Stream to, long limit, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var total = 0L;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit) return false;
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }
}

/// <summary>An import's refusal as problem details: the status and type of its kind, where it stopped and why.</summary>
public static class ImportProblems
{
    public static ProblemDetails For(ImportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var where = outcome.Problem!;
        var (status, type, title) = outcome.Kind switch
        {
            ImportFailure.Refused => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.ImportRefused, "The history breaks a rule"),
            ImportFailure.Exists => (StatusCodes.Status409Conflict, Refusals.NotebookExists, "The notebook id is taken"),
            ImportFailure.Concurrent => (StatusCodes.Status409Conflict, ProblemTypes.ConcurrentChange, "Concurrent change"),
            ImportFailure.TooLarge => (StatusCodes.Status413PayloadTooLarge, ProblemTypes.RequestTooLarge, "Import too large"),
            _ => (StatusCodes.Status400BadRequest, ProblemTypes.InvalidImport, "Not an events export"),
        };
        var problem = ProblemTypes.Problem(status, type, title, Detail(where));
        problem.Extensions["file"] = where.File;
        if (where.Line > 0) problem.Extensions["line"] = where.Line;
        if (where.Version is { } version) problem.Extensions["version"] = version;
        if (where.EventType is { } eventType) problem.Extensions["eventType"] = eventType;
        if (where.RuleType is { } rule) problem.Extensions["rule"] = rule;
        return problem;
    }

    /// <summary>"learning-rust-…/events.jsonl, line 7 (day_logged, version 7): the service refuses it: …"; nothing was imported.</summary>
    public static string Detail(ImportProblem where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var at = where.Line > 0 ? EventLines.At(where) : where.File;
        var what = where.EventType is { } t ? $" ({t}, version {where.Version})" : "";
        var detail = $"{at}{what}: {where.Reason}";
        return detail.Contains("nothing was imported", StringComparison.Ordinal) ? detail : detail.TrimEnd('.') + ". Nothing was imported.";
    }
}
