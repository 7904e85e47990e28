using System.Globalization;
using Journal.Notebooks;
using Journal.Notebooks.Days;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>Retracting a day asks first, on a page of its own: a form that confirms, no JavaScript.</summary>
public sealed class RetractModel(IQuerySession session, FormCommands forms) : PageModel
{
    public DayView? View { get; private set; }
    public long Version { get; private set; }
    public PageForm Confirm { get; } = new("retract", new Dictionary<string, string>(StringComparer.Ordinal));

    public async Task<IActionResult> OnGetAsync(Guid id, string date, CancellationToken ct) => await Load(id, date, ct) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(Guid id, string date, CancellationToken ct)
    {
        var form = Confirm.Read(Request.Form);
        var version = long.TryParse(form.Text("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
        var decision = await forms.RunAsync(id, Confirm, (notebook, _) => RetractDayDecider.Decide(notebook, date), ct, version);
        if (decision.Refusal is null) return PageRedirects.SeeOther(this, $"/notebooks/{id}?done=retracted");
        if (!await Load(id, date, ct)) return NotFoundPage();
        Response.StatusCode = decision.Refusal.Kind == RefusalKind.Stale ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> Load(Guid id, string date, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } day) return false;
        var batch = session.CreateBatchQuery();
        var progressLoad = batch.Load<NotebookProgress>(id);
        var entryLoad = batch.Load<DayEntry>(DayEntry.IdFor(id, day));
        await batch.Execute(ct);
        var (notebook, entry) = (await progressLoad, await entryLoad);
        if (notebook is null || entry is null) return false;
        View = await DayView.LoadAsync(session, notebook, entry, $"/notebooks/{id}", ct);
        Version = notebook.Version;
        return true;
    }

    private PageResult NotFoundPage()
    {
        View = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
