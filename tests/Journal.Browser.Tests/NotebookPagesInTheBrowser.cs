using Journal.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Journal.Browser.Tests;

/// <summary>What a reader does in a real browser (Chromium, no JavaScript of ours anywhere), with screenshots saved to the test output.</summary>
[Collection(OneBrowser.Name)]
public sealed class NotebookPagesInTheBrowser(BrowserHost host)
{
    private static readonly DateTimeOffset SundayMay3 = new(2026, 5, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The issue's notebook: 10 days over 2 weeks, an hour a day, started April 27; six days logged by Sunday May 3.</summary>
    private async Task<Guid> LearningRust(string title)
    {
        host.Clock.Now = SundayMay3;
        var id = await host.StartNotebook(new StartNotebook(title, new Plan(10, 14, 60),
            Spark: "I keep *fighting* the borrow checker, and I want to understand **why** it wins. A new job starts in June; " +
                   "this is [the book](https://doc.rust-lang.org/book/) I am working through.",
            StartDate: new DateOnly(2026, 4, 27), TimeZone: "Europe/Berlin"));
        (string Title, string Summary, int Minutes)[] days =
        [
            ("Ownership", "Every value has one owner; assignment moves it.", 60),
            ("Borrowing", "Shared or mutable, never both at once.", 75),
            ("Slices", "Views into a collection without taking ownership.", 40),
            ("Lifetimes", "Annotations name how long references stay valid; they do not change it.", 90),
            ("Traits", "Shared behaviour, and how generics use it.", 60),
            ("Closures", "Fn, FnMut and FnOnce follow from what a closure captures.", 25),
        ];
        for (var i = 0; i < days.Length; i++)
        {
            await host.Post($"/api/notebooks/{id}/days", new LogDay(days[i].Title, new DateOnly(2026, 4, 27).AddDays(i), days[i].Summary,
                $"# {days[i].Title}\n\n{days[i].Summary}\n\n```rust\nfn main() {{ println!(\"day {i + 1}\"); }}\n```\n\n- read the chapter\n- did the exercises",
                days[i].Minutes));
        }
        return id;
    }

    /// <summary>
    /// The seed notebook as reference screenshots (docs/screenshots keeps a copy for the README): desktop and phone, light
    /// and dark, viewed on 2026-11-29, months after its plan ended.
    /// </summary>
    [Fact]
    public async Task The_seed_notebook_is_kept_as_reference_screenshots()
    {
        var id = await LearningRust("Learning Rust");
        await host.Post($"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 5, 4), "A long walk instead"));
        host.Clock.Now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        try
        {
            foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
            {
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                {
                    var page = await host.NewPage(width, height, scheme);
                    await page.GotoAsync($"/notebooks/{id}");
                    await Expect(page.Locator(".calendar-counts")).ToHaveTextAsync("6 studied days · 1 rest day · 3 missed days in the plan");
                    await Expect(page.Locator(".overdue-note")).ToContainTextAsync("overdue for 203 days");
                    await Screenshot(page, $"seed-{name}-{scheme.ToString().ToLowerInvariant()}");
                    await page.Context.CloseAsync();
                }
            }
        }
        finally
        {
            host.Clock.Now = SundayMay3;
        }
    }

    [Fact]
    public async Task A_visitor_signs_in_sees_only_their_notebooks_and_signs_out()
    {
        host.Clock.Now = SundayMay3;
        var page = await host.NewPage(signedIn: false);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GetByLabel("Email").FillAsync(BrowserHost.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("not right");
        await Screenshot(page, "13-sign-in-refused");

        await page.GetByLabel("Password").FillAsync(BrowserHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("All Notebooks");
        await Expect(page.Locator(".site-header")).ToContainTextAsync("Reader");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task A_share_link_shows_the_notebook_to_anyone_until_it_is_revoked()
    {
        var id = await LearningRust($"Shared {Guid.NewGuid().ToString()[..4]}");
        var owner = await host.NewPage();
        await owner.GotoAsync($"/notebooks/{id}");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Make a share link" }).ClickAsync();
        var address = await owner.Locator("#share a").GetAttributeAsync("href");
        Assert.StartsWith("/s/", address, StringComparison.Ordinal);

        var stranger = await host.NewPage(signedIn: false);
        await stranger.GotoAsync(address!);
        await Expect(stranger.Locator(".progress-count")).ToHaveTextAsync("6 / 10 days");
        Assert.Equal(0, await stranger.Locator("form").CountAsync());
        Assert.Equal(0, await stranger.GetByRole(AriaRole.Link, new() { Name = "Log a day" }).CountAsync());
        await Screenshot(stranger, "14-shared-notebook");
        await stranger.GetByRole(AriaRole.Link, new() { Name = "Read more of Day 4" }).ClickAsync();
        await Expect(stranger.Locator("h1")).ToHaveTextAsync("Lifetimes");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
        var gone = await stranger.GotoAsync(address!);
        Assert.Equal(404, gone!.Status);
    }

    [Fact]
    public async Task A_reader_opens_a_notebook_and_logs_a_day_through_the_form()
    {
        var title = $"Learning Rust {Guid.NewGuid().ToString()[..4]}";
        var id = await LearningRust(title);
        var page = await host.NewPage();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All Notebooks", Level = 1 })).ToBeVisibleAsync();
        await Screenshot(page, "01-all-notebooks");

        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{host.BaseAddress}notebooks/{id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".notebook-header .status")).ToHaveTextAsync("In Progress");
        await Expect(page.Locator(".plan-line")).ToHaveTextAsync("10 days (2 weeks) · 1 hr / day · Started April 27, 2026");
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync("6 / 10 days");
        await Expect(page.Locator(".day-card")).ToHaveCountAsync(6);
        await Expect(page.Locator("#day-2026-04-30 .day-meta")).ToContainTextAsync("Day 4 · Thu, Apr 30");
        var today = page.Locator("rect[data-date='2026-05-03']");
        await Expect(today).ToHaveAttributeAsync("class", "cal-day cal-pending cal-today");
        await Screenshot(page, "02-notebook");

        var form = page.Locator("#log-day");
        await form.GetByLabel("Title").FillAsync("Iterators");
        await form.GetByLabel("Minutes studied").FillAsync("70");
        await form.GetByLabel("Summary").FillAsync("Adapters are lazy: nothing runs until something consumes the iterator.");
        await form.GetByLabel("Entry").FillAsync("# Iterators\n\n`map` and `filter` build adapters; `collect` runs them.\n\n> Lazy by default.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Log the day" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{host.BaseAddress}notebooks/{id}?logged=2026-05-03#day-2026-05-03");
        await Expect(page.Locator(".notice")).ToHaveTextAsync("Logged Day 7 · Sun, May 3.");
        await Expect(page.Locator(".progress-count")).ToHaveTextAsync("7 / 10 days");
        await Expect(page.Locator(".day-card")).ToHaveCountAsync(7);
        var card = page.Locator(".day-card").Last; // newest last
        await Expect(card.Locator("h3")).ToHaveTextAsync("Iterators");
        await Expect(card.Locator(".day-meta")).ToContainTextAsync("Day 7 · Sun, May 3");
        await Expect(today).ToHaveAttributeAsync("class", "cal-day cal-studied cal-l3 cal-today");
        await Expect(page.Locator("svg.calendar-svg desc")).ToHaveTextAsync("7 studied days, 0 rest days, 0 missed days in the plan.");
        await Screenshot(page, "03-day-logged", fullPage: false);
        await Screenshot(page, "03-day-logged-full");

        await card.GetByRole(AriaRole.Link, new() { Name = "Read more" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{host.BaseAddress}notebooks/{id}/days/2026-05-03");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Iterators");
        await Expect(page.Locator(".entry h2")).ToHaveTextAsync("Iterators");
        await Expect(page.Locator(".entry blockquote")).ToHaveTextAsync("Lazy by default.");
        await Expect(page.Locator("a[rel=prev]")).ToContainTextAsync("Day 6 · Sat, May 2");
        await Screenshot(page, "04-day-page");

        await page.Locator("a[rel=prev]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Closures");
    }

    [Fact]
    public async Task Errors_appear_beside_the_fields_and_what_was_typed_stays()
    {
        var id = await LearningRust($"Errors {Guid.NewGuid().ToString()[..4]}");
        var page = await host.NewPage();
        await page.GotoAsync($"/notebooks/{id}");

        var form = page.Locator("#log-day");
        await form.GetByLabel("Date").FillAsync("2026-05-09");
        await form.GetByLabel("Minutes studied").FillAsync("2000");
        await form.GetByLabel("Summary").FillAsync("Typed, and kept.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Log the day" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{host.BaseAddress}notebooks/{id}?handler=log#log-day");
        await Expect(page.Locator("#log-title-error")).ToHaveTextAsync("Error: Title is required and may not be blank.");
        await Expect(page.Locator("#log-date-error")).ToContainTextAsync("is in the future");
        await Expect(page.Locator("#log-minutes-error")).ToContainTextAsync("between 1 and 1440");
        await Expect(form.GetByLabel("Summary")).ToHaveValueAsync("Typed, and kept.");
        await Expect(form.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".day-card")).ToHaveCountAsync(6);
        await form.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "05-form-errors", fullPage: false);
    }

    [Fact]
    public async Task A_rest_day_taken_through_the_form_shows_in_the_calendar()
    {
        var id = await LearningRust($"Resting {Guid.NewGuid().ToString()[..4]}");
        var page = await host.NewPage();
        await page.GotoAsync($"/notebooks/{id}");

        var form = page.Locator("#skip-day");
        await form.GetByLabel("Date").FillAsync("2026-05-04");
        await form.GetByLabel("Reason").FillAsync("Moving flat");
        await form.GetByRole(AriaRole.Button, new() { Name = "Rest that day" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToHaveTextAsync("Mon, May 4 is a rest day.");
        await Expect(page.Locator("rect[data-date='2026-05-04']")).ToHaveAttributeAsync("class", "cal-day cal-rested");
        await Expect(page.Locator("#rest-2026-05-04 p")).ToHaveTextAsync("Rest day · Mon, May 4 — Moving flat");
    }

    [Fact]
    public async Task A_notebook_started_through_the_form_opens_ready_for_its_first_day()
    {
        host.Clock.Now = SundayMay3;
        var page = await host.NewPage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Start a notebook" }).ClickAsync();

        var title = $"Japanese kana {Guid.NewGuid().ToString()[..4]}";
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("The Spark").FillAsync("A trip to *Kyoto* in the autumn.");
        await page.GetByLabel("Study days").FillAsync("20");
        await page.GetByLabel("Calendar days").FillAsync("28");
        await page.GetByLabel("Minutes a day").FillAsync("30");
        await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Tokyo");
        await Screenshot(page, "06-start-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the notebook" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".notice")).ToContainTextAsync("Your notebook is started.");
        await Expect(page.Locator(".plan-line")).ToHaveTextAsync("20 days (4 weeks) · 30 min / day · Started May 3, 2026");
        await Expect(page.Locator(".spark em")).ToHaveTextAsync("Kyoto");
        await Expect(page.Locator("rect[data-date='2026-05-03']")).ToHaveAttributeAsync("class", "cal-day cal-pending cal-today");
        await Expect(page.Locator("rect[data-date='2026-05-30']")).ToHaveAttributeAsync("class", "cal-day cal-upcoming");
        await Screenshot(page, "07-new-notebook");
    }

    [Fact]
    public async Task No_field_runs_script_even_with_the_content_security_policy_bypassed()
    {
        host.Clock.Now = SundayMay3;
        const string line = "<img src=x onerror=alert('title')><script>alert('title')</script>";
        const string markdown = "<script>alert('md')</script> [a](javascript:alert('a')) [b](JaVaScRiPt:alert('b')) [c](&#106;avascript:alert('c')) " +
                                "[d](java&#x09;script:alert('d')) ![e](javascript:alert('e')) ![f](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) " +
                                "<javascript:alert('g')> [h][x]\n\n[x]: vbscript:alert('h')\n\n<img src=x onerror=alert('raw')>";
        var id = await host.StartNotebook(new StartNotebook(line, new Plan(10, 14), Spark: markdown, StartDate: new DateOnly(2026, 4, 27)));
        await host.Post($"/api/notebooks/{id}/days", new LogDay(line, new DateOnly(2026, 5, 2), line + "\n" + line, markdown, 30));
        await host.Post($"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 5, 1), line));

        // Without the policy, any markup that got through would run: this checks the escaping itself.
        var page = await host.NewPage(bypassCsp: true);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        foreach (var url in new[] { "/", $"/notebooks/{id}", $"/notebooks/{id}/days/2026-05-02" })
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            foreach (var link in await page.Locator(".prose a, .summary a").AllAsync()) await link.HoverAsync();
            Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length"));
            Assert.Equal(0, await page.EvaluateAsync<int>(
                "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on') || /^\\s*(javascript|vbscript|data):/i.test(a.value))).length"));
        }
        await page.GotoAsync($"/notebooks/{id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(line);
        await Screenshot(page, "08-script-shown-as-text");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task On_a_phone_the_notebook_fits_the_screen()
    {
        var id = await LearningRust($"Phone {Guid.NewGuid().ToString()[..4]}");
        var page = await host.NewPage(width: 390, height: 844);

        await page.GotoAsync($"/notebooks/{id}");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Screenshot(page, "09-phone");
        await page.GotoAsync($"/notebooks/{id}/days/2026-04-30");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the day page scrolls sideways");
        await Screenshot(page, "10-phone-day", fullPage: false);
    }

    [Fact]
    public async Task The_keyboard_reaches_everything_with_a_visible_focus()
    {
        var id = await LearningRust($"Keyboard {Guid.NewGuid().ToString()[..4]}");
        var page = await host.NewPage();
        await page.GotoAsync($"/notebooks/{id}");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        await page.Locator("#day-2026-04-30 a.read-more").FocusAsync();
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await Screenshot(page, "11-keyboard-focus", fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lifetimes");
    }

    [Fact]
    public async Task Dark_mode_follows_the_system()
    {
        var id = await LearningRust($"Dark {Guid.NewGuid().ToString()[..4]}");
        var page = await host.NewPage(scheme: ColorScheme.Dark);

        await page.GotoAsync($"/notebooks/{id}");

        Assert.Equal("rgb(22, 21, 19)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Screenshot(page, "12-dark", fullPage: false);
    }

    private static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(BrowserHost.Screenshots, name + ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
    }
}
