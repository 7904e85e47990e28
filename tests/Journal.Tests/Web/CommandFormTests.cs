using System.Net;
using AngleSharp.Dom;
using Journal.Contracts;
using static Journal.Tests.Web.Pages;

namespace Journal.Tests.Web;

/// <summary>
/// Every command the API has, done with the pages alone: revise, retract (after a confirmation), cancel a rest day,
/// change the plan and the time zone, abandon and resume. Each through the same deciders, with post-redirect-get,
/// and with the version the page was drawn at, so that a stale tab is told what changed instead of overwriting it.
/// </summary>
public sealed class CommandFormTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private async Task<NotebookProgressResponse> Progress(Guid id) =>
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);

    [Fact]
    public async Task A_day_is_revised_through_its_prefilled_form()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", minutes: 30, title: "Moves");
        var opened = await Host.Open($"/notebooks/{id}/days/2026-03-02");
        Assert.Equal("Moves", opened.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#revise-title")!.Value);
        Assert.Equal("30", opened.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#revise-minutes")!.Value);

        var response = await Host.Submit(opened, "#revise-day", Fields(("title", "Moves and copies"), ("entry", "Copy types are copied.")));

        Assert.Equal($"/notebooks/{id}/days/2026-03-02?revised=1", response.SeeOther());
        var page = await Host.Page(response.SeeOther());
        Assert.Equal("Moves and copies", page.Text("h1"));
        Assert.Contains("revised", page.Text(".notice"), StringComparison.Ordinal);
        Assert.Equal(["notebook_started", "day_logged", "day_revised"], await Host.EventTypes(id));
    }

    [Fact]
    public async Task A_day_is_retracted_only_after_the_confirmation_page()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", title: "Moves");
        var day = await Host.Page($"/notebooks/{id}/days/2026-03-02");
        var confirmation = day.QuerySelector("a[href$='/retract']")!.GetAttribute("href")!;

        var ask = await Host.Open(confirmation);
        Assert.Equal("Retract this day?", ask.Page.Text("h1"));
        Assert.Equal(["notebook_started", "day_logged"], await Host.EventTypes(id)); // asking changes nothing
        var response = await Host.Submit(ask, "#retract-day", Fields());

        Assert.Equal($"/notebooks/{id}?done=retracted", response.SeeOther());
        Assert.Equal(0, (await Progress(id)).DaysLogged);
        Assert.Equal("day_retracted", (await Host.EventTypes(id))[^1]);
    }

    [Fact]
    public async Task A_rest_day_is_cancelled_from_its_card()
    {
        var id = await Host.StartedNotebook();
        await Host.SkippedDay(id, "2026-03-05", "Rest");

        var response = await Host.SubmitForm($"/notebooks/{id}", "#rest-2026-03-05 form", Fields());

        Assert.Equal($"/notebooks/{id}?done=rest-cancelled#calendar", response.SeeOther());
        Assert.Empty((await Progress(id)).Skips);
    }

    [Fact]
    public async Task The_plan_and_the_time_zone_change_through_their_forms_and_errors_stay_beside_the_fields()
    {
        var id = await Host.StartedNotebook();

        var refused = await Host.SubmitForm($"/notebooks/{id}", "#change-plan", Fields(("days", "9"), ("spanDays", "4")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Parse(refused);
        Assert.Equal("Error: Calendar days must be between 9 and 731; it was 4.", page.Text("#plan-spanDays-error"));
        Assert.Equal("4", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#plan-spanDays")!.Value); // what was typed stays

        var plan = await Host.SubmitForm($"/notebooks/{id}", "#change-plan", Fields(("days", "9"), ("spanDays", "14"), ("minutesPerDay", "30")));
        Assert.Equal($"/notebooks/{id}?done=plan#manage", plan.SeeOther());
        var zone = await Host.SubmitForm($"/notebooks/{id}", "#change-zone", Fields(("timeZone", "Asia/Tokyo"), ("dayStartsAt", "04:00")));
        Assert.Equal($"/notebooks/{id}?done=zone#manage", zone.SeeOther());

        var progress = await Progress(id);
        Assert.Equal((new Plan(9, 14, 30), "Asia/Tokyo", new TimeOnly(4, 0)), (progress.Plan, progress.TimeZone, progress.DayStartsAt));
        Assert.Contains("Dates now count in Asia/Tokyo, from 04:00.", (await Host.Page($"/notebooks/{id}?done=zone")).Text(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notebook_is_abandoned_with_a_reason_and_resumed()
    {
        var id = await Host.StartedNotebook();

        var abandoned = await Host.SubmitForm($"/notebooks/{id}", "#abandon", Fields(("reason", "A busy month")));
        Assert.Equal($"/notebooks/{id}?done=abandoned", abandoned.SeeOther());
        var page = await Host.Page($"/notebooks/{id}");
        Assert.Equal("Abandoned", page.Text(".status"));
        Assert.Null(page.QuerySelector("#abandon"));

        var resumed = await Host.SubmitForm($"/notebooks/{id}", "#resume", Fields());
        Assert.Equal($"/notebooks/{id}?done=resumed", resumed.SeeOther());
        Assert.Equal("InProgress", (await Progress(id)).Status);
        Assert.Equal(["notebook_started", "notebook_abandoned", "notebook_resumed"], await Host.EventTypes(id));
    }

    [Fact]
    public async Task A_tab_opened_before_another_change_is_refused_and_told_what_changed()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02", title: "Moves");
        var staleDay = await Host.Open($"/notebooks/{id}/days/2026-03-02");
        var stalePlan = await Host.Open($"/notebooks/{id}");

        // Meanwhile, in another tab:
        await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2026-03-02", new ReviseDay("Moves, revised elsewhere"));
        await Host.LoggedDay(id, "2026-03-03");
        var before = await Host.EventRows();

        var revise = await Host.Submit(staleDay, "#revise-day", Fields(("title", "My older edit")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, revise.StatusCode);
        var page = await Parse(revise);
        Assert.Equal("The day was not revised. This notebook changed since you opened the page: Mon, Mar 2 was revised; a day was logged for Tue, Mar 3. "
            + "Nothing was saved: check the page as it is now, then send the form again.", page.Text("#revise-day .error-summary"));
        Assert.Equal("My older edit", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#revise-title")!.Value);
        var plan = await Host.Submit(stalePlan, "#change-plan", Fields(("days", "6")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, plan.StatusCode);
        Assert.Equal(before, await Host.EventRows());

        // Sent again from the page as it is now, it goes through.
        var again = await Host.Submit(new OpenedPage(page, $"/notebooks/{id}/days/2026-03-02", staleDay.Cookie), "#revise-day", Fields());
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal("My older edit", (await Host.Page($"/notebooks/{id}/days/2026-03-02")).Text("h1"));
    }

    [Fact]
    public async Task Every_api_command_has_a_form_on_the_pages()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");
        await Host.SkippedDay(id, "2026-03-05");

        var notebook = await Host.Page($"/notebooks/{id}");
        var day = await Host.Page($"/notebooks/{id}/days/2026-03-02");
        var retract = await Host.Page($"/notebooks/{id}/days/2026-03-02/retract");

        foreach (var form in new[] { "#log-day", "#skip-day", "#change-plan", "#change-zone", "#abandon", "#rest-2026-03-05 form" })
            Assert.NotNull(notebook.QuerySelector(form));
        Assert.NotNull(day.QuerySelector("#revise-day"));
        Assert.NotNull(retract.QuerySelector("#retract-day"));
        Assert.All(new[] { notebook.QuerySelector("#change-plan"), day.QuerySelector("#revise-day"), retract.QuerySelector("#retract-day") },
            form => Assert.Equal("3", form!.QuerySelector("input[name=version]")!.GetAttribute("value")));
    }
}
