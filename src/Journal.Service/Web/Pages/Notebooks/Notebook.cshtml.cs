using Journal.Contracts;
using Journal.Accounts.Deciders;
using Journal.Http;
using Journal.Http.Security;
using Journal.Notebooks;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages.Notebooks;

/// <summary>One notebook as a reader sees it, with the forms to log a day and to rest a day.</summary>
public sealed class NotebookModel(IQuerySession session, NotebookCommands commands, AccountCommands accounts, IDocumentStore store, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> LogLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "Date",
        ["title"] = "Title",
        ["minutes"] = "Minutes studied",
        ["summary"] = "Summary",
        ["entry"] = "Entry",
    };

    public static readonly IReadOnlyDictionary<string, string> SkipLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "Date",
        ["reason"] = "Reason",
    };

    public NotebookView? View { get; private set; }
    public NotebookProgressResponse? Progress { get; private set; }
    public StudyCalendarView? Calendar { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The notebook's share link, when it has one.</summary>
    public string? ShareSlug { get; private set; }

    /// <summary>Study days and rest days in date order: the notebook's pages.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public Dictionary<string, string> LogValues { get; } = new(StringComparer.Ordinal);
    public FormErrors LogErrors { get; } = new();
    public Dictionary<string, string> SkipValues { get; } = new(StringComparer.Ordinal);
    public FormErrors SkipErrors { get; } = new();

    /// <summary>The calendar year shown, for a calendar longer than a year (<c>?year=2025</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? CalendarYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? logged, string? rested, string? started, CancellationToken ct)
    {
        if (!await Load(id, ct)) return Missing();
        LogValues["date"] = Display.Iso(Today);
        SkipValues["date"] = Display.Iso(Today);

        if (started is not null) Notice = "Your notebook is started. Log your first day below when you have studied.";
        if (ParseDate(logged) is { } loggedDate && Progress!.Days.FirstOrDefault(d => d.Date == loggedDate) is { } day)
            Notice = $"Logged {Display.DayHeading(day.DayNumber, day.Date)}.";
        if (ParseDate(rested) is { } restedDate && Progress!.Skips.Any(s => s.Date == restedDate))
            Notice = $"{Display.ShortDate(restedDate)} is a rest day.";
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct)
    {
        var form = new FormReader(Request.Form, LogErrors);
        foreach (var name in LogLabels.Keys) LogValues[name] = form.Text(name);
        var command = new LogDay(form.Text("title"), form.Date("date", LogLabels["date"]), form.Text("summary"), form.Text("entry"),
            form.WholeNumber("minutes", LogLabels["minutes"]));

        var decision = await Decide(id, LogErrors, (notebook, now) => LogDayDecider.Decide(command, notebook, now), ct);
        if (decision.Refusal?.Type == Refusals.NotebookNotFound) return Missing();
        if (!LogErrors.Any && decision.Refusal is null)
        {
            var date = decision.The<DayLogged>().Date;
            return PageRedirects.SeeOther(this, $"/notebooks/{id}?logged={Display.Iso(date)}#day-{Display.Iso(date)}");
        }
        LogErrors.Take(decision.Refusal, LogLabels);
        return await Rejected(id, decision, SkipValues, ct);
    }

    public async Task<IActionResult> OnPostSkipAsync(Guid id, CancellationToken ct)
    {
        var form = new FormReader(Request.Form, SkipErrors);
        foreach (var name in SkipLabels.Keys) SkipValues[name] = form.Text(name);
        var command = new SkipDay(form.Date("date", SkipLabels["date"]), form.Text("reason"));

        var decision = await Decide(id, SkipErrors, (notebook, now) => SkipDayDecider.Decide(command, notebook, now), ct);
        if (decision.Refusal?.Type == Refusals.NotebookNotFound) return Missing();
        if (!SkipErrors.Any && decision.Refusal is null)
        {
            var date = decision.The<DaySkipped>().Date;
            return PageRedirects.SeeOther(this, $"/notebooks/{id}?rested={Display.Iso(date)}#calendar");
        }
        SkipErrors.Take(decision.Refusal, SkipLabels);
        return await Rejected(id, decision, LogValues, ct);
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(id, ct) is null) return Missing();
        var slug = TokenSecrets.NewSlug();
        await accounts.Apply(User.AccountId(), (account, _) => ShareNotebookDecider.Share(account, id, slug), ct);
        return PageRedirects.SeeOther(this, $"/notebooks/{id}#share");
    }

    public async Task<IActionResult> OnPostUnshareAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(id, ct) is null) return Missing();
        await accounts.Apply(User.AccountId(), (account, _) => ShareNotebookDecider.Unshare(account, id), ct);
        return PageRedirects.SeeOther(this, $"/notebooks/{id}#share");
    }

    public FieldView LogField(string name, string type = "text", string? hint = null, bool required = false, int rows = 0, string? inputMode = null) =>
        new("log", name, LogLabels[name], LogValues.GetValueOrDefault(name), LogErrors.For(name), type, hint, required, rows, inputMode);

    public FieldView SkipField(string name, string type = "text", string? hint = null) =>
        new("skip", name, SkipLabels[name], SkipValues.GetValueOrDefault(name), SkipErrors.For(name), type, hint);

    /// <summary>
    /// A complete form goes through the one write path; a form that could not read every field appends nothing, but
    /// still hears what the command's rules say of the other fields.
    /// </summary>
    private async Task<Decision> Decide(Guid id, FormErrors unreadable, Func<Notebook, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        if (!unreadable.Any) return await commands.Apply(id, ifMatch: null, decide, ct);
        var progress = await session.LoadAsync<NotebookProgress>(id, ct);
        return progress is null ? Decision.Refuse(Refusals.NotebookMissing(id)) : decide(Notebook.From(progress), clock.GetUtcNow());
    }

    /// <summary>The page again, with the form's values and errors: 400 for invalid fields, the refusal's status (409) otherwise.</summary>
    private async Task<IActionResult> Rejected(Guid id, Decision decision, Dictionary<string, string> otherForm, CancellationToken ct)
    {
        if (!await Load(id, ct)) return Missing();
        otherForm["date"] = Display.Iso(Today);
        Response.StatusCode = decision.Refusal is { Kind: RefusalKind.Conflict } ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var progress = await session.LoadAsync<NotebookProgress>(id, ct);
        if (progress is null) return false;
        View = NotebookView.Of(progress, clock.GetUtcNow(), $"/notebooks/{id}", CalendarYear) with { Forms = "_RecordForms", FormsModel = this };
        await using (var global = store.QuerySession())
            ShareSlug = (await global.LoadAsync<Journal.Accounts.Account>(User.AccountId(), ct))?.ShareLinks.FirstOrDefault(s => s.NotebookId == id)?.Slug;
        (Today, Progress, Calendar, Timeline) = (View.Today, View.Progress, View.Calendar, View.Timeline);
        return true;
    }

    private PageResult Missing()
    {
        Progress = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private static DateOnly? ParseDate(string? value) => IsoDates.Parse(value);
}

/// <summary>A study day or a rest day, in the notebook's date order.</summary>
public sealed record TimelineEntry(DateOnly Date, DaySummary? Day, SkipSummary? Rest);
