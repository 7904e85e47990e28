using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Journal.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Journal.Browser.Tests;

/// <summary>
/// axe-core (Deque's engine, as browsers' accessibility tools run it) on every page, in light and dark, with and without
/// form errors: no violation of the WCAG 2.1 A and AA rules. And every form used with the keyboard alone.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class AccessibilityInTheBrowser(BrowserHost host)
{
    private static readonly DateTimeOffset SundayMay3 = new(2026, 5, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly AxeRunOptions Wcag21 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private async Task<(Guid Id, string Slug)> SeedAsync()
    {
        host.Clock.Now = SundayMay3;
        var id = await host.StartNotebook(new StartNotebook($"Accessible {Guid.NewGuid().ToString()[..4]}", new Plan(10, 14, 60),
            Spark: "Why *now*: a [book](https://doc.rust-lang.org/book/) and a new job.", StartDate: new DateOnly(2026, 4, 27), TimeZone: "Europe/Berlin"));
        for (var i = 0; i < 4; i++)
            await host.Post($"/api/notebooks/{id}/days", new LogDay($"Day {i + 1}", new DateOnly(2026, 4, 27).AddDays(i), "A summary.",
                "# Heading\n\nText with `code`, a [link](https://example.com) and a list:\n\n- one\n- two", 30 + (i * 20)));
        await host.Post($"/api/notebooks/{id}/skips", new SkipDay(new DateOnly(2026, 5, 1), "Rest"));
        var share = await host.Api.PostAsync($"/api/notebooks/{id}/share", null);
        var slug = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ShareLinkResponse>(share.Content))!.Slug;
        return (id, slug);
    }

    private static async Task NoViolations(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag21);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"{what}: {result.Violations.Length} axe violations:\n{string.Join("\n", violations)}");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_passes_axe_with_and_without_errors(ColorScheme scheme)
    {
        var (id, slug) = await SeedAsync();
        var page = await host.NewPage(scheme: scheme);
        string[] pages =
        [
            "/", "/?status=Completed", $"/notebooks/{id}", $"/notebooks/{id}/days/2026-04-28", $"/notebooks/{id}/all",
            $"/notebooks/{id}/days/2026-04-28/retract", "/notebooks/new", "/study", "/account", "/account/tokens", $"/notebooks/{Guid.NewGuid()}",
        ];
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            await NoViolations(page, $"{url} ({scheme})");
        }

        // Forms sent back with errors.
        await page.GotoAsync($"/notebooks/{id}");
        await page.Locator("#log-day button[type=submit]").ClickAsync();
        await Expect(page.Locator("#log-day .error-summary")).ToBeVisibleAsync();
        await NoViolations(page, $"log form with errors ({scheme})");
        await page.Locator("#manage summary", new() { HasTextString = "Change the plan" }).ClickAsync();
        await page.Locator("#plan-spanDays").FillAsync("2");
        await page.Locator("#change-plan button[type=submit]").ClickAsync();
        await Expect(page.Locator("#plan-spanDays-error")).ToBeVisibleAsync();
        await NoViolations(page, $"plan form with errors ({scheme})");
        await page.GotoAsync($"/notebooks/{id}");
        await page.Locator("#skip-date").FillAsync("2026-04-20");
        await page.Locator("#skip-day button[type=submit]").ClickAsync();
        await Expect(page.Locator("#skip-date-error")).ToBeVisibleAsync();
        await NoViolations(page, $"rest-day form with errors ({scheme})");
        await page.Locator("#manage summary", new() { HasTextString = "Time zone" }).ClickAsync();
        await page.Locator("#zone-dayStartsAt").FillAsync("");
        await page.Locator("#zone-timeZone").SelectOptionAsync("UTC");
        await page.EvaluateAsync("document.querySelector('#zone-timeZone').innerHTML += '<option>Mars/Olympus</option>'");
        await page.Locator("#zone-timeZone").SelectOptionAsync("Mars/Olympus");
        await page.Locator("#change-zone button[type=submit]").ClickAsync();
        await Expect(page.Locator("#zone-timeZone-error")).ToBeVisibleAsync();
        await NoViolations(page, $"time-zone form with errors ({scheme})");
        await page.GotoAsync("/account");
        await page.Locator("#change-password button[type=submit]").ClickAsync();
        await Expect(page.Locator("#change-password .error-summary")).ToBeVisibleAsync();
        await NoViolations(page, $"password form with errors ({scheme})");
        await page.GotoAsync($"/notebooks/{id}/days/2026-04-28");
        await page.Locator("#revise summary").ClickAsync();
        await page.Locator("#revise-title").FillAsync("");
        await page.Locator("#revise-day button[type=submit]").ClickAsync();
        await Expect(page.Locator("#revise-title-error")).ToBeVisibleAsync();
        await NoViolations(page, $"revise form with errors ({scheme})");
        await page.GotoAsync("/notebooks/new");
        await page.Locator("form.stacked-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await NoViolations(page, $"start form with errors ({scheme})");
        await page.GotoAsync("/account/tokens");
        await page.Locator("#create-token button[type=submit]").ClickAsync();
        await Expect(page.Locator("#create-token .error-summary")).ToBeVisibleAsync();
        await NoViolations(page, $"token form with errors ({scheme})");

        // Signed out: sign-in (also with an error), sign-up, and the shared notebook's pages.
        var stranger = await host.NewPage(scheme: scheme, signedIn: false);
        foreach (var url in new[] { "/signin", "/signup", $"/s/{slug}", $"/s/{slug}/days/2026-04-28", $"/s/{slug}/all", "/s/nothing-shared-here" })
        {
            await stranger.GotoAsync(url);
            await NoViolations(stranger, $"{url} signed out ({scheme})");
        }
        await stranger.GotoAsync("/signin");
        await stranger.GetByLabel("Email").FillAsync(BrowserHost.Email);
        await stranger.GetByLabel("Password").FillAsync("not it");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(stranger.Locator(".error-summary")).ToBeVisibleAsync();
        await NoViolations(stranger, $"sign-in with an error ({scheme})");
    }

    /// <summary>Tab until the element is focused: a keyboard user reaches it the same way.</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) === true")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    /// <summary>Enter on a focused button or link, and wait for the page it leads to.</summary>
    private static async Task Navigate(IPage page)
    {
        await page.EvaluateAsync("window.__before = true");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => window.__before !== true"); // a new document: the old one's mark is gone
        await page.WaitForLoadStateAsync();
    }

    private static async Task TypeInto(IPage page, string selector, string text)
    {
        await TabTo(page, selector);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    [Fact]
    public async Task Axe_reports_a_violation_planted_on_a_page()
    {
        var page = await host.NewPage();
        await page.GotoAsync("/");
        await page.EvaluateAsync("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/assets/icon.svg\"><input id=unlabelled>')");

        var result = await page.RunAxe(Wcag21);

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
        Assert.Contains(result.Violations, v => v.Id == "label");
    }

    [Fact]
    public async Task Every_form_works_with_the_keyboard_alone()
    {
        var (id, _) = await SeedAsync();
        var page = await host.NewPage();

        // Log a day: fields and the button reached by Tab, sent with Enter.
        await page.GotoAsync($"/notebooks/{id}");
        await TabTo(page, "#log-date");
        await page.Keyboard.TypeAsync("05022026"); // a date input in en-US: month, day, year, each segment typed in turn
        await TypeInto(page, "#log-title", "Typed, not clicked");
        await TabTo(page, "#log-day button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("Logged Day 5");

        // A rest day.
        await TabTo(page, "#skip-date");
        await page.Keyboard.TypeAsync("05032026");
        await TabTo(page, "#skip-day button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("is a rest day");

        // Cancel it from its card.
        await TabTo(page, "#rest-2026-05-03 button");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("rest day is cancelled");

        // The plan: open its disclosure with the keyboard, change a field, send.
        await TabTo(page, "#manage details:nth-of-type(1) summary");
        await page.Keyboard.PressAsync("Enter");
        await TypeInto(page, "#plan-days", "12");
        await TabTo(page, "#change-plan button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("12 days (2 weeks)");

        // The time zone.
        await TabTo(page, "#manage details:nth-of-type(2) summary");
        await page.Keyboard.PressAsync("Enter");
        await TabTo(page, "#zone-dayStartsAt");
        await page.Keyboard.TypeAsync("0400AM"); // a time input in en-US: hours, minutes, AM/PM
        await TabTo(page, "#change-zone button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("from 04:00");

        // Revise a day, then retract it through the confirmation page.
        await page.GotoAsync($"/notebooks/{id}/days/2026-04-28");
        await TabTo(page, "#revise summary");
        await page.Keyboard.PressAsync("Enter");
        await TypeInto(page, "#revise-title", "Revised by keyboard");
        await TabTo(page, "#revise-day button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Revised by keyboard");
        await TabTo(page, "a[href$='/retract']");
        await Navigate(page);
        await TabTo(page, "#retract-day button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".notice")).ToContainTextAsync("retracted");

        // Abandon with a reason, then resume.
        await TabTo(page, "#manage details:nth-of-type(3) summary");
        await page.Keyboard.PressAsync("Enter");
        await TypeInto(page, "#abandon-reason", "Keyboard test");
        await TabTo(page, "#abandon button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".status")).ToHaveTextAsync("Abandoned");
        await TabTo(page, "#resume button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator(".status")).ToHaveTextAsync("In Progress");

        // Start a notebook and make a token.
        await page.GotoAsync("/notebooks/new");
        await TypeInto(page, "#start-title", "Started by keyboard");
        await TabTo(page, "form.stacked-form button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Started by keyboard");
        await page.GotoAsync("/account/tokens");
        await TypeInto(page, "#token-name", "keyboard");
        await TabTo(page, "#create-token button[type=submit]");
        await Navigate(page);
        await Expect(page.Locator("#new-token code")).ToContainTextAsync("jnl_");
    }

    [Fact]
    public async Task The_notebook_prints_without_navigation_or_forms()
    {
        var (id, _) = await SeedAsync();
        var page = await host.NewPage();
        await page.GotoAsync($"/notebooks/{id}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { ".site-header nav", "#log-day", "#manage", "#share", ".site-footer" })
            await Expect(page.Locator(hidden)).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator(".day-card").First).ToBeVisibleAsync();
    }
}
