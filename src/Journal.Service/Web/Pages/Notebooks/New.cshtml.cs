using Journal.Contracts;
using Journal.Notebooks;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>Start a notebook: the form behind POST /api/notebooks, decided by the same code.</summary>
public sealed class NewModel(NotebookWrites writes, TimeProvider clock) : PageModel
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

        try
        {
            var decision = Errors.Any ? null : await writes.Start(command, ct);
            if (decision is { Problem: null })
                return PageRedirects.SeeOther(this, $"/notebooks/{decision.The<NotebookStarted>().NotebookId}?started=1");
            if (decision is null)
            {
                // Unreadable fields: still show what the command's rules say about the others.
                Errors.Take(StartNotebookEndpoint.Decide(command, clock.GetUtcNow(), Guid.CreateVersion7).Problem, Labels);
            }
            else
            {
                Errors.Take(decision.Problem, Labels);
            }
        }
        catch (ExistingStreamIdCollisionException)
        {
            // This very form was sent before (a double click, a reload): the notebook it started is there.
            return PageRedirects.SeeOther(this, $"/notebooks/{FormId}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public FieldView Field(string name, string type = "text", string? hint = null, bool required = false, int rows = 0,
        string? inputMode = null, IReadOnlyList<string>? options = null) =>
        new("start", name, Labels[name], Values.GetValueOrDefault(name), Errors.For(name), type, hint, required, rows, inputMode,
            Options: options);
}
