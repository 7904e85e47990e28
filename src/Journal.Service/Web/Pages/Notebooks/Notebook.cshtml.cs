using System.Globalization;
using Journal.Accounts.Deciders;
using Journal.Contracts;
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

/// <summary>
/// One notebook as a reader sees it, with a form for each of its commands: log a day, take or cancel a rest day,
/// change the plan or the time zone, abandon or resume, share. The forms that change what is there carry the version
/// the page was drawn at, so a tab opened before another change is told what changed instead of overwriting it.
/// </summary>
public sealed class NotebookModel(IQuerySession session, FormCommands forms, AccountCommands accounts, IDocumentStore store, TimeProvider clock) : PageModel
{
    public PageForm Log { get; } = new("log", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "Date", ["title"] = "Title", ["minutes"] = "Minutes studied", ["summary"] = "Summary", ["entry"] = "Entry",
    });

    public PageForm Skip { get; } = new("skip", new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = "Date", ["reason"] = "Reason" });

    public PageForm Plan { get; } = new("plan", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["days"] = "Study days", ["spanDays"] = "Calendar days", ["minutesPerDay"] = "Minutes a day",
    });

    public PageForm Zone { get; } = new("zone", new Dictionary<string, string>(StringComparer.Ordinal) { ["timeZone"] = "Time zone", ["dayStartsAt"] = "Day starts at" });

    public PageForm Abandon { get; } = new("abandon", new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = "Why (optional)" });

    /// <summary>Refusals of the forms that are one button (resume, cancel a rest day, share).</summary>
    public PageForm Buttons { get; } = new("buttons", new Dictionary<string, string>(StringComparer.Ordinal));

    public NotebookView? View { get; private set; }
    public NotebookProgressResponse? Progress => View?.Progress;
    public DateOnly Today => View?.Today ?? default;
    public string? Notice { get; private set; }

    /// <summary>The notebook's share link, when it has one.</summary>
    public string? ShareSlug { get; private set; }

    /// <summary>The calendar year shown, for a calendar longer than a year (<c>?year=2025</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? CalendarYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? logged, string? rested, string? started, string? done, CancellationToken ct)
    {
        if (!await Load(id, ct)) return Missing();
        if (started is not null) Notice = "Your notebook is started. Log your first day below when you have studied.";
        if (IsoDates.Parse(logged) is { } loggedDate && Progress!.Days.FirstOrDefault(d => d.Date == loggedDate) is { } day)
            Notice = $"Logged {Display.DayHeading(day.DayNumber, day.Date)}.";
        if (IsoDates.Parse(rested) is { } restedDate && Progress!.Skips.Any(s => s.Date == restedDate))
            Notice = $"{Display.ShortDate(restedDate)} is a rest day.";
        Notice = done switch
        {
            "plan" => $"The plan is now {Display.PlanLine(Progress!.Plan, Progress.StartDate, Today)}.",
            "zone" => $"Dates now count in {Progress!.TimeZone}, from {Progress.DayStartsAt:HH\\:mm}.",
            "abandoned" => "The notebook is abandoned. Resume it whenever you like.",
            "resumed" => "The notebook is resumed.",
            "rest-cancelled" => "The rest day is cancelled.",
            "retracted" => "The day is retracted (its history keeps it).",
            _ => Notice,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct)
    {
        var form = Log.Read(Request.Form);
        var command = new LogDay(form.Text("title"), form.Date("date", Log.Labels["date"]), form.Text("summary"), form.Text("entry"),
            form.WholeNumber("minutes", Log.Labels["minutes"]));
        var decision = await forms.RunAsync(id, Log, (notebook, now) => LogDayDecider.Decide(command, notebook, now), ct);
        return decision.Refusal is null && !Log.Errors.Any
            ? Done($"/notebooks/{id}?logged={Display.Iso(decision.The<DayLogged>().Date)}#day-{Display.Iso(decision.The<DayLogged>().Date)}")
            : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostSkipAsync(Guid id, CancellationToken ct)
    {
        var form = Skip.Read(Request.Form);
        var command = new SkipDay(form.Date("date", Skip.Labels["date"]), form.Text("reason"));
        var decision = await forms.RunAsync(id, Skip, (notebook, now) => SkipDayDecider.Decide(command, notebook, now), ct);
        return decision.Refusal is null && !Skip.Errors.Any
            ? Done($"/notebooks/{id}?rested={Display.Iso(decision.The<DaySkipped>().Date)}#calendar")
            : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        var form = Plan.Read(Request.Form);
        var command = new ChangePlan(form.RequiredWholeNumber("days", Plan.Labels["days"]), form.RequiredWholeNumber("spanDays", Plan.Labels["spanDays"]),
            form.WholeNumber("minutesPerDay", Plan.Labels["minutesPerDay"]));
        var decision = await forms.RunAsync(id, Plan, (notebook, _) => ChangePlanDecider.Decide(command, notebook), ct, Version(form));
        return decision.Refusal is null && !Plan.Errors.Any ? Done($"/notebooks/{id}?done=plan#manage") : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostZoneAsync(Guid id, CancellationToken ct)
    {
        var form = Zone.Read(Request.Form);
        var command = new ChangeTimeZone(form.Text("timeZone"), form.Time("dayStartsAt", Zone.Labels["dayStartsAt"]));
        var decision = await forms.RunAsync(id, Zone, (notebook, _) => ChangeTimeZoneDecider.Decide(command, notebook), ct, Version(form));
        return decision.Refusal is null && !Zone.Errors.Any ? Done($"/notebooks/{id}?done=zone#manage") : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostAbandonAsync(Guid id, CancellationToken ct)
    {
        var form = Abandon.Read(Request.Form);
        var command = new AbandonNotebook(form.Text("reason"));
        var decision = await forms.RunAsync(id, Abandon, (notebook, _) => AbandonNotebookDecider.Decide(command, notebook), ct, Version(form));
        return decision.Refusal is null && !Abandon.Errors.Any ? Done($"/notebooks/{id}?done=abandoned") : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct)
    {
        var decision = await forms.RunAsync(id, Buttons, (notebook, _) => ResumeNotebookDecider.Decide(notebook), ct, Version(Buttons.Read(Request.Form)));
        return decision.Refusal is null ? Done($"/notebooks/{id}?done=resumed") : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostCancelRestAsync(Guid id, string date, CancellationToken ct)
    {
        var decision = await forms.RunAsync(id, Buttons, (notebook, _) => CancelSkipDecider.Decide(notebook, date), ct, Version(Buttons.Read(Request.Form)));
        return decision.Refusal is null ? Done($"/notebooks/{id}?done=rest-cancelled#calendar") : await Refused(id, decision, ct);
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(id, ct) is null) return Missing();
        var slug = TokenSecrets.NewSlug();
        await accounts.Apply(User.AccountId(), (account, _) => ShareNotebookDecider.Share(account, id, slug), ct);
        return Done($"/notebooks/{id}#share");
    }

    public async Task<IActionResult> OnPostUnshareAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<NotebookProgress>(id, ct) is null) return Missing();
        await accounts.Apply(User.AccountId(), (account, _) => ShareNotebookDecider.Unshare(account, id), ct);
        return Done($"/notebooks/{id}#share");
    }

    /// <summary>The version the page was drawn at, sent back by the form.</summary>
    private static long? Version(FormReader form) =>
        long.TryParse(form.Text("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private IActionResult Done(string address) => PageRedirects.SeeOther(this, address);

    /// <summary>The page again, with each form's values and errors: 400 for invalid fields, 409 or 412 for the notebook's state.</summary>
    private async Task<IActionResult> Refused(Guid id, Decision decision, CancellationToken ct)
    {
        if (decision.Refusal?.Type == Refusals.NotebookNotFound || !await Load(id, ct)) return Missing();
        Response.StatusCode = decision.Refusal?.Kind switch
        {
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Stale => StatusCodes.Status412PreconditionFailed,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var progress = await session.LoadAsync<NotebookProgress>(id, ct);
        if (progress is null) return false;
        View = NotebookView.Of(progress, await DayTexts.LoadAsync(session, progress, ct), clock.GetUtcNow(), $"/notebooks/{id}", CalendarYear) with { Forms = "_RecordForms", FormsModel = this };
        await using (var global = store.QuerySession())
            ShareSlug = (await global.LoadAsync<Journal.Accounts.Account>(User.AccountId(), ct))?.ShareLinks.FirstOrDefault(s => s.NotebookId == id)?.Slug;
        // Forms not sent show the notebook as it is.
        Log.Values.TryAdd("date", Display.Iso(Today));
        Skip.Values.TryAdd("date", Display.Iso(Today));
        Plan.Values.TryAdd("days", Progress!.Plan.Days.ToString(CultureInfo.InvariantCulture));
        Plan.Values.TryAdd("spanDays", Progress.Plan.SpanDays.ToString(CultureInfo.InvariantCulture));
        Plan.Values.TryAdd("minutesPerDay", Progress.Plan.MinutesPerDay?.ToString(CultureInfo.InvariantCulture) ?? "");
        Zone.Values.TryAdd("timeZone", Progress.TimeZone);
        Zone.Values.TryAdd("dayStartsAt", Progress.DayStartsAt.ToString("HH:mm", CultureInfo.InvariantCulture));
        return true;
    }

    private PageResult Missing()
    {
        View = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>A study day or a rest day, in the notebook's date order.</summary>
public sealed record TimelineEntry(DateOnly Date, DaySummary? Day, SkipSummary? Rest);
