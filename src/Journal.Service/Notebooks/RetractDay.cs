using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class RetractDayEndpoint
{
    public static Decision Load(NotebookProgress progress, string date, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(notebook, date));

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverineDelete("/api/notebooks/{notebookId}/days/{date}")]
    [Tags("Days")]
    [EndpointSummary("Retract a logged day (a compensating event; nothing is deleted)")]
    public static (Ok<VersionResponse>, Events) Delete(
        [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(progress, decision, response), [.. decision.Events]);

    public static Decision Decide(Notebook notebook, string date)
    {
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (NotebookPreconditions.NotAbandoned(notebook) is { } closed) return Decision.Reject(closed);
        if (!notebook.LoggedDates.Contains(day)) return Decision.Reject(RouteDates.NoEntry(day));
        return Decision.Accept([new DayRetracted(day), .. NotebookPreconditions.StatusAfter(notebook, notebook.LoggedDates.Count - 1, notebook.Plan.Days)]);
    }
}
