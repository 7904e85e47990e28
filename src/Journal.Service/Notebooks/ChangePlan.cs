using Journal.Contracts;
using Journal.Hosting;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Journal.Notebooks;

public static class ChangePlanEndpoint
{
    public static Decision Load(ChangePlan command, NotebookProgress progress, [FromHeader(Name = "If-Match")] string? ifMatch) =>
        NotebookPreconditions.DecideIfCurrent(ifMatch, Notebook.From(progress), notebook => Decide(command, notebook));

    public static ProblemDetails Validate(Decision decision) => decision.AsValidation();

    [WolverinePut("/api/notebooks/{notebookId}/plan")]
    [Tags("Notebooks")]
    [EndpointSummary("Change the plan (may complete or reopen the notebook)")]
    public static (Ok<VersionResponse>, Events) Put(
        ChangePlan command, [WriteAggregate("notebookId", LoadStyle = ConcurrencyStyle.Exclusive)] NotebookProgress progress, [NotBody] Decision decision, HttpResponse response) =>
        (NotebookResponses.Version(progress, decision, response), [.. decision.Events]);

    public static Decision Decide(ChangePlan? command, Notebook notebook)
    {
        if (command is null) return Decision.Reject(RequestBodies.Missing());
        var fields = new FieldRules();
        var plan = PlanRules.Check(fields, "", new Plan(command.Days, command.SpanDays, command.MinutesPerDay));
        if (fields.Problem() is { } invalid) return Decision.Reject(invalid);
        if (NotebookPreconditions.NotAbandoned(notebook) is { } closed) return Decision.Reject(closed);
        if (plan == notebook.Plan) return Decision.Accept(); // the plan it already has: nothing happened, nothing to record
        return Decision.Accept([new PlanChanged(plan!), .. NotebookPreconditions.StatusAfter(notebook, notebook.LoggedDates.Count, plan!.Days)]);
    }
}
