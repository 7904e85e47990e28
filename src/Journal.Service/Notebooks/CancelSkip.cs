using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Journal.Notebooks.Rules;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class CancelSkipEndpoint
{
    public static Decision Load(NotebookProgress progress, string date, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(notebook, date));

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverineDelete("/api/notebooks/{notebookId}/skips/{date}")]
    [Tags("Days")]
    [EndpointSummary("Cancel a rest day")]
    public static (Ok<VersionResponse>, Events) Delete(
        [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(progress, decision, response), [.. decision.Events]);

    public static Decision Decide(Notebook notebook, string date)
    {
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (NotebookPreconditions.NotAbandoned(notebook) is { } closed) return Decision.Reject(closed);
        if (!notebook.SkippedDates.Contains(day))
            return Decision.Reject(ProblemTypes.Problem(StatusCodes.Status404NotFound, ProblemTypes.SkipNotFound, "No rest day on that date",
                $"{day:yyyy-MM-dd} is not a rest day."));
        return Decision.Accept(new SkipCancelled(day));
    }
}
