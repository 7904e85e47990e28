using System.Net;
using Journal.Contracts;
using Journal.Notebooks;
using Marten;
using static Journal.Tests.Web.Pages;

namespace Journal.Tests.Web;

/// <summary>The forms decide through the API endpoints' own Decide, append in one transaction, and answer POST-redirect-GET.</summary>
public sealed class FormTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Logging_a_day_through_the_form_appends_what_the_api_would_and_redirects_to_the_new_card()
    {
        var viaApi = await Host.StartedNotebook();
        var viaForm = await Host.StartedNotebook();
        var day = new LogDay("Moves and borrows", new DateOnly(2026, 3, 9), "Ownership moves", "The *full* entry", 45);
        Assert.Equal(HttpStatusCode.Created, (await Host.Send(HttpMethod.Post, $"/api/notebooks/{viaApi}/days", day)).StatusCode);

        var response = await Host.SubmitForm($"/notebooks/{viaForm}", "#log-day", Fields(
            ("date", "2026-03-09"), ("title", "  Moves and borrows "), ("summary", "Ownership moves"), ("entry", "The *full* entry\r\n"), ("minutes", "45")));

        Assert.Equal($"/notebooks/{viaForm}?logged=2026-03-09#day-2026-03-09", response.SeeOther());
        Assert.Equal((await Host.Events(viaApi)).Skip(1), (await Host.Events(viaForm)).Skip(1)); // all but the start, whose ids differ
        var page = await Host.Page($"/notebooks/{viaForm}?logged=2026-03-09");
        Assert.Equal("Logged Day 1 · Mon, Mar 9.", page.Text(".notice"));
        Assert.Equal("Moves and borrows", page.Text("#day-2026-03-09 h3"));
        Assert.Equal("cal-day cal-studied cal-l3", page.QuerySelector("rect[data-date='2026-03-09']")!.GetAttribute("class"));
    }

    [Fact]
    public async Task The_log_form_offers_today_and_logs_it_by_default()
    {
        var id = await Host.StartedNotebook();
        var page = await Host.Page($"/notebooks/{id}");
        Assert.Equal("2026-03-10", page.QuerySelector("#log-date")!.GetAttribute("value"));

        var response = await Host.SubmitForm($"/notebooks/{id}", "#log-day", Fields(("title", "Today")));

        Assert.Equal($"/notebooks/{id}?logged=2026-03-10#day-2026-03-10", response.SeeOther());
        Assert.Equal(new DayLogged(new DateOnly(2026, 3, 10), "Today", null, null, null, new DateOnly(2026, 3, 10), false, false), (await Host.Events(id))[1]);
    }

    [Fact]
    public async Task Invalid_fields_are_shown_beside_them_and_nothing_is_appended()
    {
        var id = await Host.StartedNotebook();

        var response = await Host.SubmitForm($"/notebooks/{id}", "#log-day", Fields(
            ("date", "2026-03-11"), ("title", " "), ("summary", new string('s', 2_001)), ("minutes", "2000")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Parse(response);
        Assert.Equal("Error: Title is required and may not be blank.", page.Text("#log-title-error"));
        Assert.Equal("Error: Date 2026-03-11 is in the future; today is 2026-03-10 in America/New_York.", page.Text("#log-date-error"));
        Assert.Equal("Error: Summary may hold at most 2000 characters; it has 2001.", page.Text("#log-summary-error"));
        Assert.Equal("Error: Minutes studied must be between 1 and 1440; it was 2000.", page.Text("#log-minutes-error"));
        Assert.Equal("true", page.QuerySelector("#log-title")!.GetAttribute("aria-invalid"));
        Assert.Contains("log-title-error", page.QuerySelector("#log-title")!.GetAttribute("aria-describedby"));
        Assert.Equal("2026-03-11", page.QuerySelector("#log-date")!.GetAttribute("value")); // what was typed stays
        Assert.Equal(new string('s', 2_001), page.QuerySelector("#log-summary")!.TextContent);
        Assert.Equal("The day was not logged. Check the fields marked below.", page.Text("#log-day .error-summary"));
        Assert.Null(page.QuerySelector("#skip-day .error-summary"));
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task A_field_the_form_cannot_read_is_an_error_and_the_others_are_still_checked()
    {
        var id = await Host.StartedNotebook();

        var response = await Host.SubmitForm($"/notebooks/{id}", "#log-day", Fields(("title", ""), ("minutes", "an hour"), ("date", "10/03/2026")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Parse(response);
        Assert.Equal("Error: Minutes studied must be a whole number.", page.Text("#log-minutes-error"));
        Assert.Equal("Error: Date must be a date written yyyy-mm-dd.", page.Text("#log-date-error"));
        Assert.Equal("Error: Title is required and may not be blank.", page.Text("#log-title-error"));
        Assert.Single(await Host.Events(id));

        var readable = await Host.SubmitForm($"/notebooks/{id}", "#log-day", Fields(("title", "Fine"), ("minutes", "an hour")));
        Assert.Equal(HttpStatusCode.BadRequest, readable.StatusCode);
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task A_date_already_logged_is_a_409_with_the_reason_beside_the_date()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-09");

        var response = await Host.SubmitForm($"/notebooks/{id}", "#log-day", Fields(("date", "2026-03-09"), ("title", "Again")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Parse(response);
        Assert.Contains("2026-03-09 already has an entry (Day 1)", page.Text("#log-day .error-summary"));
        Assert.Contains("already has an entry", page.Text("#log-date-error"));
        Assert.Equal(2, (await Host.Events(id)).Count);
    }

    [Fact]
    public async Task Forms_sent_at_the_same_moment_all_land_under_the_stream_lock()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(30, 60), StartDate = new DateOnly(2026, 2, 1) });
        var page = await Host.Open($"/notebooks/{id}");
        var dates = Enumerable.Range(0, 12).Select(i => new DateOnly(2026, 2, 1).AddDays(i)).ToArray();

        var responses = await Task.WhenAll(dates.Select(date =>
            Host.Submit(page, "#log-day", Fields(("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("title", "Parallel")))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var events = await Host.Events(id);
        Assert.Equal(dates, events.OfType<DayLogged>().Select(e => e.Date).Order());
        Assert.Equal(13, events.Count);
    }

    [Fact]
    public async Task Skipping_a_day_through_the_form_appends_what_the_api_would()
    {
        var viaApi = await Host.StartedNotebook();
        var viaForm = await Host.StartedNotebook();
        await Host.SkippedDay(viaApi, "2026-03-12", "Travel");

        var response = await Host.SubmitForm($"/notebooks/{viaForm}", "#skip-day", Fields(("date", "2026-03-12"), ("reason", "Travel")));

        Assert.Equal($"/notebooks/{viaForm}?rested=2026-03-12#calendar", response.SeeOther());
        Assert.Equal((await Host.Events(viaApi)).Skip(1), (await Host.Events(viaForm)).Skip(1)); // all but the start, whose ids differ
        var page = await Host.Page($"/notebooks/{viaForm}?rested=2026-03-12");
        Assert.Equal("Thu, Mar 12 is a rest day.", page.Text(".notice"));
        Assert.Equal("Rest day · Thu, Mar 12 — Travel", page.Text("#rest-2026-03-12 p"));
        Assert.Equal("cal-day cal-rested", page.QuerySelector("rect[data-date='2026-03-12']")!.GetAttribute("class"));

        var twice = await Host.SubmitForm($"/notebooks/{viaForm}", "#skip-day", Fields(("date", "2026-03-12")));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("is already a rest day", (await Parse(twice)).Text("#skip-date-error"));
        var tooFar = await Host.SubmitForm($"/notebooks/{viaForm}", "#skip-day", Fields(("date", "2026-04-30")));
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("more than 30 days ahead", (await Parse(tooFar)).Text("#skip-date-error"));
        Assert.Equal(2, (await Host.Events(viaForm)).Count);
    }

    [Fact]
    public async Task Starting_a_notebook_through_the_form_starts_what_the_api_would()
    {
        var response = await Host.SubmitForm("/notebooks/new", "form.stacked-form", Fields(
            ("title", "Rust ownership"), ("spark", "The borrow checker keeps *winning*."), ("plan.days", "5"), ("plan.spanDays", "7"),
            ("plan.minutesPerDay", "45"), ("startDate", "2026-03-02"), ("timeZone", "America/New_York"), ("dayStartsAt", "")));

        var location = response.SeeOther();
        Assert.Matches("^/notebooks/[0-9a-f-]{36}\\?started=1$", location);
        var id = Guid.Parse(location["/notebooks/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Equal([new NotebookStarted(id, "Rust ownership", "The borrow checker keeps *winning*.", new Plan(5, 7, 45),
            new DateOnly(2026, 3, 2), "America/New_York", TimeOnly.MinValue)], await Host.Events(id));
        var page = await Host.Page(location);
        Assert.Equal("5 days (1 week) · 45 min / day · Started March 2, 2026", page.Text(".plan-line"));
        Assert.StartsWith("Your notebook is started.", page.Text(".notice"));
    }

    [Fact]
    public async Task Sending_the_same_start_form_twice_starts_one_notebook()
    {
        var form = await Host.Page("/notebooks/new");
        var formId = form.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var fields = Fields(("id", formId), ("title", "Once"), ("plan.days", "3"), ("plan.spanDays", "3"));

        var first = await Host.SubmitForm("/notebooks/new", "form.stacked-form", fields);
        var second = await Host.SubmitForm("/notebooks/new", "form.stacked-form", fields);

        Assert.Equal($"/notebooks/{formId}?started=1", first.SeeOther());
        Assert.Equal($"/notebooks/{formId}", second.SeeOther());
        Assert.Single(await Host.Events(Guid.Parse(formId)));
    }

    [Fact]
    public async Task The_start_form_shows_each_error_beside_its_field()
    {
        var response = await Host.SubmitForm("/notebooks/new", "form.stacked-form", Fields(
            ("title", ""), ("plan.days", ""), ("plan.spanDays", "800"), ("plan.minutesPerDay", "0"), ("timeZone", "Mars/Olympus"),
            ("startDate", "2030-01-01"), ("dayStartsAt", "25:00")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Parse(response);
        Assert.Equal("Error: Title is required and may not be blank.", page.Text("#start-title-error"));
        Assert.Equal("Error: Study days is required.", page.Text("#start-plan-days-error"));
        Assert.Equal("Error: Calendar days must be between 1 and 731; it was 800.", page.Text("#start-plan-spanDays-error"));
        Assert.Equal("Error: Minutes a day must be between 1 and 1440; it was 0.", page.Text("#start-plan-minutesPerDay-error"));
        Assert.StartsWith("Error: Time zone must be an IANA time zone id", page.Text("#start-timeZone-error"));
        Assert.StartsWith("Error: Day starts at must be a time of day", page.Text("#start-dayStartsAt-error"));
        await using var session = Fixture.Store.QuerySession(Owner.Id.ToString());
        Assert.Equal(0, await session.Query<Journal.Notebooks.Progress.NotebookProgress>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var id = await Host.StartedNotebook();

        // Signed in (a cross-site page would send the browser's session cookie too), but no antiforgery token.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/notebooks/{id}?handler=log", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("title", "Forged")]),
        };
        request.Headers.Add("Cookie", await Host.SignedIn());
        var response = await Host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The form has expired", (await Parse(response)).Text("h1"));
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task Forms_of_a_finished_notebook_are_gone_and_posting_is_refused()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(1, 7) });
        var open = await Host.Open($"/notebooks/{id}");
        await Host.LoggedDay(id, "2026-03-02");

        var page = await Host.Page($"/notebooks/{id}");
        Assert.Null(page.QuerySelector("#log-day"));
        Assert.Equal("Every planned day is logged (1 / 1 days): this notebook is complete. Raise the plan below to go on.", page.Text(".record .closed-note"));

        // A form left open in another tab: the command's own rule refuses it.
        Assert.NotNull(open.Page.QuerySelector("#log-day"));
        var response = await Host.Submit(open, "#log-day", Fields(("date", "2026-03-03"), ("title", "Late")));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The notebook is completed", (await Parse(response)).Text(".record .error-summary"));
    }

    [Fact]
    public async Task Posting_to_a_missing_notebook_is_a_404_page()
    {
        var id = await Host.StartedNotebook();
        var page = await Host.Open($"/notebooks/{id}");
        var other = Guid.CreateVersion7();

        var response = await Host.Submit(page, "#log-day", Fields(("title", "Lost")), $"/notebooks/{other}?handler=log");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", (await Parse(response)).Text("h1"));
    }
}
