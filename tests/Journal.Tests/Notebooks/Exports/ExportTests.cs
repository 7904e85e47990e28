using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Journal.Tests.Accounts;
using Journal.Tests.Web;

namespace Journal.Tests.Notebooks.Exports;

/// <summary>GET /api/notebooks/{id}/export in its three formats and GET /api/export, through the HTTP API.</summary>
public sealed class ExportTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset November29 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_events_export_is_the_history_one_json_line_an_event_with_a_file_name()
    {
        var id = await Host.LearningRust(Clock);
        Clock.Now = November29;

        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export?format=events");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("learning-rust.events.jsonl", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        var history = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history")).Read<HistoryEntry[]>(HttpStatusCode.OK);
        Assert.Equal(history.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = JsonSerializer.Deserialize<ExportedEvent>(lines[i], Api.Json)!;
            Assert.Equal((history[i].Version, history[i].Type, history[i].RecordedAt), (line.Version, line.Type, line.RecordedAt));
            Assert.True(JsonElement.DeepEquals(history[i].Data, line.Data), lines[i]);
            Assert.Equal(["version", "type", "recordedAt", "data"], JsonDocument.Parse(lines[i]).RootElement.EnumerateObject().Select(p => p.Name));
        }
        // Recorded at the instants the clock gave each command, to the microsecond.
        Assert.Equal(new DateTimeOffset(2026, 4, 27, 18, 0, 0, TimeSpan.Zero), history[0].RecordedAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), history[4].RecordedAt);
        // The default format is events, and text is written as itself (no \u escapes for what JSON does not need).
        Assert.Equal(text, Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{id}/export")));
        Assert.Contains("\"spark\":\"I keep *fighting* the borrow checker", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_notebook_as_markdown_holds_every_line_its_page_shows_and_every_entry_in_full()
    {
        var id = await Host.LearningRust(Clock);
        Clock.Now = November29;

        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export?format=markdown");
        var markdown = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("learning-rust.md", response.Content.Headers.ContentDisposition?.FileNameStar);

        var page = await Host.Page($"/notebooks/{id}");
        var shown = new List<string> { page.Text("h1"), page.Text(".notebook-header .status"), page.Text(".plan-line"), page.Text(".progress-count"),
            page.Text(".calendar-counts"), page.Text(".overdue-note") };
        foreach (var stat in page.QuerySelectorAll(".stats > div"))
        {
            var (name, value) = (stat.QuerySelector("dt").Text(), stat.QuerySelector("dd"));
            if (value!.QuerySelector(".pace") is { } pace) shown.AddRange([name, pace.Text(), value.QuerySelector("small").Text()]);
            else shown.Add($"{name}: {value.Text()}");
        }
        foreach (var card in page.QuerySelectorAll(".day-card"))
        {
            var meta = card.QuerySelector(".day-meta")!;
            shown.Add(string.Concat(meta.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => n.TextContent)).Trim());
            shown.AddRange(meta.QuerySelectorAll(".minutes, .tag").Select(e => e.Text().TrimStart('·', ' ')));
            shown.AddRange([card.QuerySelector("h3").Text(), card.QuerySelector(".summary").Text()]);
        }
        shown.AddRange(page.QuerySelectorAll(".rest-day > p").Select(p => p.Text()));
        // Six header lines, six of the stats, five per day (one backfilled) and the rest day: all there on the page.
        Assert.Equal(6 + 6 + 6 * 4 + 1 + 1, shown.Count);
        Assert.All(shown, line => Assert.NotEmpty(line));
        var missing = shown.Where(line => !markdown.Contains(line, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in the Markdown: {string.Join(" | ", missing)}\n\n{markdown}");

        // The page renders The Spark and the whole notebook page every entry: the Markdown holds their source, headings moved below its own.
        var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Contains(progress.Spark!.Replace("# Why now", "### Why now", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        foreach (var day in progress.Days)
        {
            var entry = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/{day.Date:yyyy-MM-dd}")).Read<DayPageResponse>(HttpStatusCode.OK);
            Assert.Contains(entry.Entry!.Replace($"# {day.Title}\n", $"#### {day.Title}\n", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }
        Assert.Contains("```rust\n# fn main()", markdown, StringComparison.Ordinal); // a # line in code is code, not a heading
        Assert.StartsWith("# Learning Rust\n\nIn Progress · 10 days (2 weeks) · 1 hr / day · Started April 27, 2026\n\n## The Spark\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### Lifetimes\n\nDay 4 · Thu, Apr 30 · 1 hr 30 min · backfilled\n\nAnnotations name how long references stay valid; they do not change it.\n\n#### Lifetimes\n",
            markdown, StringComparison.Ordinal);
        Assert.EndsWith("### Rest day · Mon, May 4 — A long walk instead\n\n---\n\nExported from Journal on November 29, 2026 (version 8).\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_is_one_row_a_logged_day_quoted_where_it_must_be()
    {
        Clock.Now = new DateTimeOffset(2026, 3, 4, 1, 30, 0, TimeSpan.Zero);
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Title = "Rust, \"for real\"" });
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Moves", new DateOnly(2026, 3, 2), "Ownership moves, then \"borrows\"", Minutes: 45));
        Clock.Now = Clock.Now.AddMinutes(1).AddTicks(1234567);
        await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Borrows, shared", new DateOnly(2026, 3, 3), "Line one\nline two"));
        await Host.SkippedDay(id, "2026-03-04");

        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export?format=CSV");
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rust-for-real.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(
            "date,day,title,summary,minutes,backfilled,recorded_at\r\n" +
            "2026-03-02,1,Moves,\"Ownership moves, then \"\"borrows\"\"\",45,true,2026-03-04T01:30:00Z\r\n" +
            "2026-03-03,2,\"Borrows, shared\",\"Line one\nline two\",,false,2026-03-04T01:31:00.123456Z\r\n", csv);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("json")]
    [InlineData("events,csv")]
    public async Task An_unknown_format_is_a_400_naming_it(string format)
    {
        var id = await Host.StartedNotebook();
        var response = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export?format={format}");
        Assert.Equal(["format"], (await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed")).Errors!.Keys);
    }

    [Fact]
    public async Task Only_the_owner_with_a_reading_token_can_export()
    {
        var id = await Host.StartedNotebook();
        var (_, someone) = await Fixture.Someone();
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export", null, AccountsApi.Bearer(someone)))
            .Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.NewGuid()}/export?format=markdown"))
            .Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
        await (await Host.Send(HttpMethod.Get, "/api/export", null, AccountsApi.NoCredentials)).Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");

        var writer = await Host.Token(Owner.Email, Owner.Password, ["notebooks:write"]);
        await (await Host.Send(HttpMethod.Get, "/api/export", null, AccountsApi.Bearer(writer))).Problem(HttpStatusCode.Forbidden, "/problems/forbidden");
        var reader = await Host.Token(Owner.Email, Owner.Password, ["notebooks:read"]);
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/export", null, AccountsApi.Bearer(reader))).StatusCode);
    }

    [Fact]
    public async Task The_account_export_is_a_zip_of_every_notebook_in_the_three_formats_with_a_manifest()
    {
        var seed = await Host.LearningRust(Clock);
        Clock.Now = November29;
        var other = await Host.StartedNotebook(new StartNotebook("Leap year", new Plan(5, 7), StartDate: new DateOnly(2024, 2, 26)));
        await Host.LoggedDay(other, "2024-02-29");
        var (_, someone) = await Fixture.Someone();
        await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), AccountsApi.Bearer(someone)); // not the owner's

        var response = await Host.Send(HttpMethod.Get, "/api/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("journal-export-2026-11-29.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));

        Assert.Equal("manifest.json", zip.Entries[0].FullName);
        var manifest = JsonSerializer.Deserialize<ExportManifest>(zip.Entries[0].Open(), Api.Json)!;
        Assert.Equal(("journal-export", 1, November29, Owner.Id), (manifest.Format, manifest.FormatVersion, manifest.ExportedAt, manifest.AccountId));
        Assert.Equal([(other, "Leap year", "InProgress", 2L), (seed, "Learning Rust", "InProgress", 8L)],
            manifest.Notebooks.Select(n => (n.Id, n.Title, n.Status, n.Version)));
        Assert.Equal($"leap-year-{other}/events.jsonl", manifest.Notebooks[0].Events);
        Assert.Equal(1 + 3 * 2, zip.Entries.Count);
        foreach (var notebook in manifest.Notebooks)
        {
            foreach (var (path, format) in new[] { (notebook.Events, "events"), (notebook.Markdown, "markdown"), (notebook.Csv, "csv") })
            {
                using var entry = new StreamReader(zip.GetEntry(path)!.Open());
                Assert.Equal(Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{notebook.Id}/export?format={format}")), await entry.ReadToEndAsync(TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task An_empty_account_exports_a_zip_with_an_empty_manifest()
    {
        using var zip = new ZipArchive(new MemoryStream(await Host.Download("/api/export")));
        var manifest = JsonSerializer.Deserialize<ExportManifest>(Assert.Single(zip.Entries).Open(), Api.Json)!;
        Assert.Empty(manifest.Notebooks);
    }
}
