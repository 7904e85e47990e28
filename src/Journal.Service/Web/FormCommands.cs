using System.Globalization;
using Journal.Http;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;

namespace Journal.Web;

/// <summary>
/// Runs a form's command through the one write path. The version the page was drawn at goes as If-Match, so a form
/// from a tab opened before another change is refused and told what changed; a form that could not read every field
/// appends nothing, but still hears what the command's rules say of the other fields.
/// </summary>
public sealed class FormCommands(NotebookCommands commands, IQuerySession session, TimeProvider clock)
{
    public async Task<Decision> RunAsync(Guid notebookId, PageForm form, Func<Notebook, DateTimeOffset, Decision> decide, CancellationToken ct,
        long? version = null)
    {
        Decision decision;
        if (form.Errors.Any)
        {
            var progress = await session.LoadAsync<NotebookProgress>(notebookId, ct);
            decision = progress is null ? Decision.Refuse(Refusals.NotebookMissing(notebookId)) : decide(Notebook.From(progress), clock.GetUtcNow());
        }
        else
        {
            decision = await commands.Apply(notebookId, version is { } v ? ETags.Of(v) : null, decide, ct);
        }
        if (decision.Refusal is { Kind: RefusalKind.Stale }) form.Errors.General.Add(await ChangedSinceAsync(notebookId, version!.Value, ct));
        else form.Errors.Take(decision.Refusal, form.Labels);
        return decision;
    }

    /// <summary>"Since you opened this page: Day logged for Sun, May 3; the plan changed to 12 days over 14. Nothing was saved…"</summary>
    private async Task<string> ChangedSinceAsync(Guid notebookId, long version, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(notebookId, token: ct);
        var changes = events.Where(e => e.Version > version).Select(e => Describe(e.Data)).Where(d => d.Length > 0).Distinct().ToList();
        return $"This notebook changed since you opened the page: {(changes.Count == 0 ? "it was changed" : string.Join("; ", changes))}. "
            + "Nothing was saved: check the page as it is now, then send the form again.";
    }

    public static string Describe(object change) => change switch
    {
        DayLogged d => $"a day was logged for {Display.ShortDate(d.Date)}",
        DayRevised d => $"{Display.ShortDate(d.Date)} was revised",
        DayRetracted d => $"{Display.ShortDate(d.Date)} was retracted",
        DaySkipped d => $"{Display.ShortDate(d.Date)} became a rest day",
        SkipCancelled d => $"the rest day on {Display.ShortDate(d.Date)} was cancelled",
        PlanChanged p => string.Create(CultureInfo.InvariantCulture, $"the plan changed to {Display.Count(p.Plan.Days, "day")} over {Display.Count(p.Plan.SpanDays, "day")}"),
        TimeZoneChanged z => $"the time zone changed to {z.TimeZone}",
        NotebookAbandoned => "the notebook was abandoned",
        NotebookResumed => "the notebook was resumed",
        NotebookCompleted => "the notebook was completed",
        NotebookReopened => "the notebook was reopened",
        _ => "",
    };
}
