using Journal.Contracts;
using Journal.Http;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>Start a notebook: the form behind POST /api/notebooks, decided by the same code.</summary>
public sealed class NewModel(NotebookCommands commands, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "Title",
        ["spark"] = "The Spark",
        ["plan.days"] = "Study days",
        ["plan.spanDays"] = "Calendar days",
        ["plan.minutesPerDay"] = "Minutes a day",
        ["startDate"] = "Start date",
        ["timeZone"] = "Time zone",
        ["dayStartsAt"] = "Day starts at",
    };

    /// <summary>The values shown in the form, as typed.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public FormErrors Errors { get; } = new();

    /// <summary>Made when the form is shown, so that sending the same form twice starts one notebook.</summary>
    public Guid FormId { get; private set; }

    public void OnGet()
    {
        FormId = Guid.CreateVersion7();
        Values["plan.days"] = "10";
        Values["plan.spanDays"] = "14";
        Values["timeZone"] = "UTC";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new FormReader(Request.Form, Errors);
        foreach (var name in Labels.Keys) Values[name] = form.Text(name);
        FormId = form.Id("id") is { } sent && sent != Guid.Empty ? sent : Guid.CreateVersion7();

        var command = new StartNotebook(
            form.Text("title"),
            new Plan(form.RequiredWholeNumber("plan.days", Labels["plan.days"]), form.RequiredWholeNumber("plan.spanDays", Labels["plan.spanDays"]),
                form.WholeNumber("plan.minutesPerDay", Labels["plan.minutesPerDay"])),
            FormId,
            form.Text("spark"),
            form.Date("startDate", Labels["startDate"]),
            form.Text("timeZone"),
            form.Time("dayStartsAt", Labels["dayStartsAt"]));

        Decision Decide(DateTimeOffset now) => StartNotebookDecider.Decide(command, now, Guid.CreateVersion7);
        // Unreadable fields: append nothing, but still show what the command's rules say about the others.
        var decision = Errors.Any ? Decide(clock.GetUtcNow()) : await commands.Start(Decide, ct);
        if (!Errors.Any && decision.Refusal is null)
            return PageRedirects.SeeOther(this, $"/notebooks/{decision.The<NotebookStarted>().NotebookId}?started=1");
        // This very form was sent before (a double click, a reload): the notebook it started is there.
        if (decision.Refusal?.Type == Refusals.NotebookExists) return PageRedirects.SeeOther(this, $"/notebooks/{FormId}");
        Errors.Take(decision.Refusal, Labels);

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public FieldView Field(string name, string type = "text", string? hint = null, bool required = false, int rows = 0,
        string? inputMode = null, IReadOnlyList<string>? options = null) =>
        new("start", name, Labels[name], Values.GetValueOrDefault(name), Errors.For(name), type, hint, required, rows, inputMode,
            Options: options);
}
