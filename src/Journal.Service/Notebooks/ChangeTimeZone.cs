using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class ChangeTimeZoneEndpoint
{
    public static Decision Load(ChangeTimeZone command, NotebookProgress progress, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook));

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverinePut("/api/notebooks/{notebookId}/time-zone")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the time zone and day start (applies to dates computed from now on)")]
    public static (Ok<VersionResponse>, Events) Put(
        ChangeTimeZone command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(progress, decision, response), [.. decision.Events]);

    public static Decision Decide(ChangeTimeZone? command, Notebook notebook)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        if (TimeZones.FindIana(command.TimeZone) is null)
            fields.Fail("timeZone", $"timeZone must be an IANA time zone id such as \"Europe/Berlin\"; \"{command.TimeZone}\" is not one.");
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (NotebookPreconditions.NotAbandoned(notebook) is { } closed) return Decision.Reject(closed);
        var dayStartsAt = command.DayStartsAt ?? notebook.DayStartsAt;
        // The zone and day start it already has: nothing happened, nothing to record.
        if (command.TimeZone == notebook.TimeZone && dayStartsAt == notebook.DayStartsAt) return Decision.Accept();
        return Decision.Accept(new TimeZoneChanged(command.TimeZone, dayStartsAt));
    }
}
