using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class ReviseDayEndpoint
{
    public static Decision Load(ReviseDay command, NotebookProgress progress, string date, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook, date));

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverinePut("/api/notebooks/{notebookId}/days/{date}")]
    [Tags("Days")]
    [EndpointSummary("Revise a logged day (history keeps both versions)")]
    public static (Ok<DayResponse>, Events) Put(
        ReviseDay command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision, HttpResponse response)
    {
        var revised = decision.The<DayRevised>();
        var version = progress.Version + decision.Events.Count;
        ETags.Write(response, version);
        return (TypedResults.Ok(new DayResponse(revised.Date, version)), [.. decision.Events]);
    }

    public static Decision Decide(ReviseDay? command, Notebook notebook, string date)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        var day = RouteDates.Parse(fields, date);
        var title = fields.Line("title", command.Title, 200, required: true);
        var summary = fields.Block("summary", command.Summary, 2_000);
        var entry = fields.Block("entry", command.Entry, 100_000);
        fields.Range("minutes", command.Minutes, 1, 1440);
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);

        if (NotebookPreconditions.NotAbandoned(notebook) is { } closed) return Decision.Reject(closed);
        if (!notebook.LoggedDates.Contains(day)) return Decision.Reject(RouteDates.NoEntry(day));
        return Decision.Accept(new DayRevised(day, title!, summary, entry, command.Minutes));
    }
}
