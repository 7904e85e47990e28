using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Web;

public sealed class PageTests(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>The notebook: 10 days over 2 weeks, an hour a day, started April 27; six days logged by Sunday May 3.</summary>
    private async Task<Guid> LearningRust()
    {
        Clock.Now = new DateTimeOffset(2026, 5, 3, 12, 0, 0, TimeSpan.Zero);
        var id = await Host.StartedNotebook(new StartNotebook("Learning Rust", new Plan(10, 14, 60),
            Spark: "I keep *fighting* the borrow checker.\n\n# Why now\n\nA new job.", StartDate: new DateOnly(2026, 4, 27), TimeZone: "Europe/Berlin"));
        var titles = new[] { "Ownership", "Borrowing", "Slices", "Lifetimes", "Traits", "Closures" };
        for (var i = 0; i < titles.Length; i++)
        {
            var date = new DateOnly(2026, 4, 27).AddDays(i);
            var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days",
                new LogDay(titles[i], date, $"Summary of {titles[i]}", $"# {titles[i]}\n\nThe full entry on *{titles[i]}*.", 60));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        return id;
    }

    [Fact]
    public async Task The_notebook_page_reads_like_a_journal_page()
    {
        var id = await LearningRust();

        var page = await Host.Page($"/notebooks/{id}");

        Assert.Equal("Learning Rust · Journal", page.Title);
        Assert.Equal("← All Notebooks", page.Text(".back a"));
        Assert.Equal("Learning Rust", page.Text("h1"));
        Assert.Equal("In Progress", page.Text(".notebook-header .status"));
        Assert.Equal("10 days (2 weeks) · 1 hr / day · Started April 27, 2026", page.Text(".plan-line"));
        Assert.Equal("The Spark", page.Text(".spark h2"));
        Assert.Equal("<p>I keep <em>fighting</em> the borrow checker.</p>\n<h3>Why now</h3>\n<p>A new job.</p>\n", page.QuerySelector(".spark .prose")!.InnerHtml);
        Assert.Equal("6 / 10 days", page.Text(".progress-count"));
        Assert.Equal(
            ["Current streak 6 days", "Longest streak 6 days", "Pace Ahead of plan 6 logged, 5 expected by today · the plan ends Sun, May 10", "Time studied 6 hrs"],
            page.QuerySelectorAll(".stats > div").Select(d => d.Text()));

        var cards = page.QuerySelectorAll(".day-card");
        Assert.Equal(6, cards.Length);
        Assert.Equal(["Ownership", "Borrowing", "Slices", "Lifetimes", "Traits", "Closures"], cards.Select(c => c.QuerySelector("h3").Text())); // newest last
        var day4 = page.QuerySelector("#day-2026-04-30")!;
        Assert.Equal("Day 4 · Thu, Apr 30 · 1 hr backfilled", day4.QuerySelector(".day-meta").Text());
        Assert.Equal("Summary of Lifetimes", day4.QuerySelector(".summary").Text());
        var readMore = day4.QuerySelector("a.read-more")!;
        Assert.Equal($"/notebooks/{id}/days/2026-04-30", readMore.GetAttribute("href"));
        Assert.StartsWith("Read more", readMore.Text());
        Assert.EndsWith("→", readMore.Text());
    }

    [Fact]
    public async Task The_calendar_shows_studied_rested_missed_and_pending_days_with_a_legend()
    {
        var id = await LearningRust();
        Clock.Now = new DateTimeOffset(2026, 5, 6, 12, 0, 0, TimeSpan.Zero); // May 3 and 4 empty (the plan's slack), May 6 today
        await Host.SkippedDay(id, "2026-05-05", "Rest");

        var page = await Host.Page($"/notebooks/{id}");

        string Kind(string date) => page.QuerySelector($"rect[data-date='{date}']")!.GetAttribute("class")!;
        Assert.Equal("cal-day cal-outside", Kind("2026-04-26"));
        Assert.Equal("cal-day cal-studied cal-l3", Kind("2026-04-27"));
        Assert.Equal("cal-day cal-free", Kind("2026-05-03"));
        Assert.Equal("cal-day cal-rested", Kind("2026-05-05"));
        Assert.Equal("cal-day cal-pending cal-today", Kind("2026-05-06"));
        Assert.Equal("cal-day cal-upcoming", Kind("2026-05-10"));
        Assert.Equal("cal-day cal-outside", Kind("2026-05-11"));
        Assert.Equal("Wed, May 6: today, nothing logged yet", page.QuerySelector("rect[data-date='2026-05-06'] title").Text());
        Assert.Equal("img", page.QuerySelector("svg.calendar-svg")!.GetAttribute("role"));
        Assert.Equal("6 studied days, 1 rest day, 0 missed days in the plan.", page.Text("svg.calendar-svg desc"));
        Assert.Equal(["Studied (darker: longer)", "Rest day", "Free (the plan's slack)", "Missed", "Today", "Ahead in the plan"],
            page.QuerySelectorAll(".legend li").Select(li => li.Text()));
        Assert.Equal("Rest day · Tue, May 5 — Rest", page.Text("#rest-2026-05-05 p"));
    }

    [Fact]
    public async Task Months_after_the_deadline_the_calendar_counts_inside_the_plan_and_says_how_long_it_is_overdue()
    {
        var id = await LearningRust();
        await Host.SkippedDay(id, "2026-05-04", "Rest");
        Clock.Now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        var page = await Host.Page($"/notebooks/{id}");

        Assert.Equal("6 studied days · 1 rest day · 3 missed days in the plan", page.Text(".calendar-counts"));
        Assert.Equal("The plan ended May 10, 2026; overdue for 203 days since.", page.Text(".overdue-note"));
        Assert.Equal("cal-day cal-pastplan", page.QuerySelector("rect[data-date='2026-08-01']")!.GetAttribute("class"));
        Assert.Equal(3, page.QuerySelectorAll("rect.cal-missed").Length);
        Assert.Contains("Past the plan", page.QuerySelectorAll(".legend li").Select(li => li.Text()));
    }

    [Fact]
    public async Task The_whole_notebook_shows_every_entry_in_full_on_one_page()
    {
        var id = await LearningRust();
        await Host.SkippedDay(id, "2026-05-03", "Sunday off");

        var page = await Host.Page($"/notebooks/{id}/all");

        Assert.Equal("Learning Rust", page.Text("h1"));
        Assert.Equal(["Ownership", "Borrowing", "Slices", "Lifetimes", "Traits", "Closures"], page.QuerySelectorAll(".whole-day h2").Select(h => h.Text()));
        Assert.Equal("Day 4 · Thu, Apr 30 · 1 hr", page.Text("#day-2026-04-30 .day-meta"));
        Assert.Equal("The full entry on Lifetimes.", page.QuerySelector("#day-2026-04-30 .prose p").Text());
        Assert.Equal("Rest day · Sun, May 3 — Sunday off", page.Text("#rest-2026-05-03"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal($"/notebooks/{id}/all", (await Host.Page($"/notebooks/{id}")).QuerySelector(".notebook-links a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_day_page_has_the_full_entry_and_the_days_around_it()
    {
        var id = await LearningRust();

        var page = await Host.Page($"/notebooks/{id}/days/2026-04-30");

        Assert.Equal($"← Learning Rust", page.Text($"a[href='/notebooks/{id}']"));
        Assert.Equal("Day 4 · Thursday, April 30, 2026", page.Text(".day-page .day-meta"));
        Assert.Equal("Lifetimes", page.Text("h1"));
        Assert.Equal("Summary of Lifetimes", page.Text(".day-page .summary"));
        Assert.Equal("<h2>Lifetimes</h2>\n<p>The full entry on <em>Lifetimes</em>.</p>\n", page.QuerySelector(".entry")!.InnerHtml);
        var previous = page.QuerySelector("a[rel=prev]")!;
        var next = page.QuerySelector("a[rel=next]")!;
        Assert.Equal(($"/notebooks/{id}/days/2026-04-29", "← Day 3 · Wed, Apr 29 Slices"), (previous.GetAttribute("href"), previous.Text()));
        Assert.Equal(($"/notebooks/{id}/days/2026-05-01", "Day 5 · Fri, May 1 → Traits"), (next.GetAttribute("href"), next.Text()));

        var first = await Host.Page($"/notebooks/{id}/days/2026-04-27");
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var last = await Host.Page($"/notebooks/{id}/days/2026-05-02");
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task All_notebooks_lists_status_and_progress_newest_activity_first()
    {
        var empty = await Host.Page("/");
        Assert.Contains("No notebooks yet", empty.Text(".empty"));

        var rust = await LearningRust();
        Clock.Now = Clock.Now.AddMinutes(1); // events are recorded at the pinned clock's time: this one a minute later
        var done = await Host.StartedNotebook(new StartNotebook("Done already", new Plan(1, 1), StartDate: new DateOnly(2026, 5, 3)));
        await Host.LoggedDay(done, "2026-05-03");

        var page = await Host.Page("/");

        Assert.Equal("All Notebooks", page.Text("h1"));
        var cards = page.QuerySelectorAll(".notebook-card");
        Assert.Equal(["Done already", "Learning Rust"], cards.Select(c => c.QuerySelector("h2").Text()));
        Assert.Equal(["Completed", "In Progress"], cards.Select(c => c.QuerySelector(".status").Text()));
        Assert.Equal(["1 / 1 days", "6 / 10 days"], cards.Select(c => c.QuerySelector(".progress-count").Text()));
        Assert.Equal($"/notebooks/{rust}", cards[1].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Started April 27, 2026 Last studied Sat, May 2 Current streak 6 days", cards[1].QuerySelector(".meta").Text());

        var inProgress = await Host.Page("/?status=InProgress");
        Assert.Equal(["Learning Rust"], inProgress.QuerySelectorAll(".notebook-card h2").Select(h => h.Text()));
        Assert.Equal("page", inProgress.QuerySelector("a[href='/?status=InProgress']")!.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/notebooks/{0}", "There is no notebook at this address.")]
    [InlineData("/notebooks/{1}/days/2026-05-03", "This notebook has no entry on that date.")]
    [InlineData("/notebooks/{1}/days/2026-13-01", "This notebook has no entry on that date.")]
    [InlineData("/notebooks/{1}/days/yesterday", "This notebook has no entry on that date.")]
    [InlineData("/notebooks/{0}/days/2026-04-30", "There is no notebook at this address.")]
    public async Task Missing_notebooks_and_days_are_404_pages(string template, string message)
    {
        var id = await LearningRust();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.CreateVersion7(), id);

        var page = await Host.Page(url, HttpStatusCode.NotFound);

        Assert.Equal("Not found", page.Text("h1"));
        Assert.Equal(message, page.Text(".not-found p"));
    }

    [Fact]
    public async Task Pages_use_landmarks_and_name_every_field()
    {
        var id = await LearningRust();

        foreach (var url in new[] { "/", $"/notebooks/{id}", $"/notebooks/{id}/days/2026-04-30", "/notebooks/new" })
        {
            var page = await Host.Page(url);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(page.QuerySelector("header.site-header nav[aria-label]"));
            Assert.Single(page.QuerySelectorAll("main#main"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
            foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), textarea, select"))
                Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']"));
        }
    }

    [Fact]
    public async Task Assets_are_served_by_the_service_and_nothing_comes_from_elsewhere()
    {
        var id = await LearningRust();
        var page = await Host.Page($"/notebooks/{id}");

        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/assets/journal.css?v=", stylesheet);
        var css = await Host.Get(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("url(", await css.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal); // no fonts or images fetched
        var icon = await Host.Get(page.QuerySelector("link[rel=icon]")!.GetAttribute("href")!);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Get("/assets/nothing.css")).StatusCode);

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.All(page.QuerySelectorAll("link[href], img[src]"), e => Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src")));
    }

    [Fact]
    public async Task Pages_forbid_script_and_framing()
    {
        var response = await Host.Get("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_api_still_answers_problems_in_json()
    {
        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.CreateVersion7()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }
}
