using System.Globalization;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Days;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>One day's full entry ("Read more"), with the days before and after it, the form to revise it and the way to retract it.</summary>
public sealed class DayModel(IQuerySession session, FormCommands forms) : PageModel
{
    public DayView? View { get; private set; }
    public string? Missing { get; private set; }
    public long Version { get; private set; }
    public bool Open { get; private set; }
    public string? Notice { get; private set; }

    public PageForm Revise { get; } = new("revise", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "Title", ["minutes"] = "Minutes studied", ["summary"] = "Summary", ["entry"] = "Entry",
    });

    public async Task<IActionResult> OnGetAsync(Guid id, string date, string? revised, CancellationToken ct)
    {
        if (!await Load(id, date, ct)) return Page();
        if (revised is not null) Notice = "The day is revised; its history keeps the earlier version.";
        return Page();
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid id, string date, CancellationToken ct)
    {
        var form = Revise.Read(Request.Form);
        var command = new ReviseDay(form.Text("title"), form.Text("summary"), form.Text("entry"), form.WholeNumber("minutes", Revise.Labels["minutes"]));
        var version = long.TryParse(form.Text("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
        var decision = await forms.RunAsync(id, Revise, (notebook, _) => ReviseDayDecider.Decide(command, notebook, date), ct, version);
        if (decision.Refusal is null && !Revise.Errors.Any)
            return PageRedirects.SeeOther(this, $"/notebooks/{id}/days/{date}?revised=1");
        if (!await Load(id, date, ct)) return Page();
        Response.StatusCode = decision.Refusal?.Kind switch
        {
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Stale => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<bool> Load(Guid id, string date, CancellationToken ct)
    {
        var day = IsoDates.Parse(date);
        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(id);
        var entryLoad = day is { } valid ? batch.Load<DayEntry>(DayEntry.IdFor(id, valid)) : Task.FromResult<DayEntry?>(null);
        await batch.Execute(ct);
        var (notebook, entry) = (await progressLoad, await entryLoad);
        if (notebook is null || entry is null)
        {
            Missing = notebook is null ? "There is no notebook at this address." : "This notebook has no entry on that date.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        View = await DayView.LoadAsync(session, notebook, entry, $"/notebooks/{id}", ct);
        (Version, Open) = (notebook.Version, notebook.Status != NotebookStatus.Abandoned);
        Revise.Values.TryAdd("title", entry.Title);
        Revise.Values.TryAdd("minutes", entry.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "");
        Revise.Values.TryAdd("summary", entry.Summary ?? "");
        Revise.Values.TryAdd("entry", entry.Entry ?? "");
        return true;
    }
}
