using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journal.Contracts;
using Journal.Tests.Accounts;

namespace Journal.Tests.Notebooks.Exports;

/// <summary>POST /api/import: all or nothing, through the deciders, and a re-export gives the same file.</summary>
public sealed class ImportTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static (string Name, string Value) As(string token) => AccountsApi.Bearer(token);

    /// <summary>A notebook of 2024, entered in 2026: the leap day in a run, a revision, a retraction, a rest day cancelled, completion and reopening.</summary>
    private async Task<Guid> LeapYear()
    {
        var id = await Host.StartedNotebook(new StartNotebook("Leap year", new Plan(5, 7, 30), Spark: "Twenty-*nine* days.", StartDate: D("2024-02-26"),
            TimeZone: "Europe/Berlin", DayStartsAt: new TimeOnly(4, 0)));
        foreach (var date in new[] { "2024-02-26", "2024-02-27", "2024-02-28" }) await Host.LoggedDay(id, date, 30);
        Clock.Now = Clock.Now.AddMinutes(5);
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/days/2024-02-27", new ReviseDay("Revised", "Better", "# Again\n\nText.", 45))).StatusCode);
        await Host.SkippedDay(id, "2024-03-01", "Tired");
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/skips/2024-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Delete, $"/api/notebooks/{id}/days/2024-02-28")).StatusCode);
        Clock.Now = Clock.Now.AddHours(1);
        foreach (var date in new[] { "2024-02-28", "2024-02-29", "2024-03-01" }) await Host.LoggedDay(id, date, 30); // the fifth completes it
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(6, 7, 30))).StatusCode); // reopened
        Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/time-zone", new ChangeTimeZone("Asia/Tokyo"))).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_2024_notebook_exported_in_three_formats_imports_into_another_account_and_reads_the_same_in_each()
    {
        var id = await LeapYear();
        var file = await Host.Download($"/api/notebooks/{id}/export?format=events");
        var (_, someone) = await Fixture.Someone();

        var response = await Host.Import(file, token: someone);

        var imported = await response.Read<ImportResponse>(HttpStatusCode.Created);
        Assert.Equal(new ImportedNotebook(id, "Leap year", 15, "created"), Assert.Single(imported.Notebooks));
        Assert.Equal((1, 0), (imported.Created, imported.Unchanged));
        Assert.Equal($"/api/notebooks/{id}", response.Headers.Location?.OriginalString);
        foreach (var format in new[] { "events", "markdown", "csv" })
            Assert.Equal(Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{id}/export?format={format}")),
                Encoding.UTF8.GetString(await Host.Download($"/api/notebooks/{id}/export?format={format}", As(someone))));
        foreach (var read in new[] { "", "/audit", "?version=9", "?on=2024-02-29", "/days/2024-02-27", "/days/2024-02-29" })
            Assert.Equal(await Text($"/api/notebooks/{id}{read}"), await Text($"/api/notebooks/{id}{read}", someone));
        var history = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/history", null, As(someone))).Read<HistoryEntry[]>(HttpStatusCode.OK);
        Assert.Equal(["notebook_started", "day_logged", "day_logged", "day_logged", "day_revised", "day_skipped", "skip_cancelled", "day_retracted",
            "day_logged", "day_logged", "day_logged", "notebook_completed", "plan_changed", "notebook_reopened", "time_zone_changed"], history.Select(h => h.Type).Take(15));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var id = await LeapYear();
        var file = await Host.Download($"/api/notebooks/{id}/export");
        var (_, someone) = await Fixture.Someone();
        await (await Host.Import(file, token: someone)).Read<ImportResponse>(HttpStatusCode.Created);
        var rows = await Host.EventRows();

        var again = await (await Host.Import(file, token: someone)).Read<ImportResponse>(HttpStatusCode.OK);
        var own = await (await Host.Import(file)).Read<ImportResponse>(HttpStatusCode.OK); // the owner's own export, back home

        Assert.Equal(new ImportResponse(0, 1, [new ImportedNotebook(id, "Leap year", 15, "unchanged")]), again, ResponseComparer.Instance);
        Assert.Equal("unchanged", Assert.Single(own.Notebooks).Outcome);
        Assert.Equal(rows, await Host.EventRows());
    }

    [Fact]
    public async Task A_notebook_whose_id_holds_other_events_is_refused_and_nothing_is_written()
    {
        var id = await LeapYear();
        var (_, someone) = await Fixture.Someone();
        await (await Host.Import(await Host.Download($"/api/notebooks/{id}/export"), token: someone)).Read<ImportResponse>(HttpStatusCode.Created);
        await Host.LoggedDay(id, "2024-03-02", 30); // the owner's copy moves on
        var rows = await Host.EventRows();

        var problem = await (await Host.Import(await Host.Download($"/api/notebooks/{id}/export"), token: someone)).Problem(HttpStatusCode.Conflict, "/problems/notebook-exists");

        Assert.Contains($"already has notebook {id}", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("15 stored, 17 in the file", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(rows, await Host.EventRows());
    }

    [Fact]
    public async Task A_tampered_event_is_refused_naming_its_line_and_what_the_deciders_decide_instead()
    {
        var id = await LeapYear();
        var lines = Lines(await Host.Download($"/api/notebooks/{id}/export"));
        lines[2]["data"]!["backfilled"] = false; // logged in 2026: backfilled, whatever the file says
        var (_, someone) = await Fixture.Someone();
        var rows = await Host.EventRows();

        var response = await Host.Import(File(lines), token: someone);

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "/problems/import-refused");
        Assert.Equal("the file, line 3 (day_logged, version 3): the service decides this day_logged differently at 2026-03-10T14:00:00Z: " +
                     "backfilled is true by the service's rules, false in the file. Nothing was imported.", problem.Detail);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((3, 3, "day_logged"), (json.RootElement.GetProperty("line").GetInt32(), json.RootElement.GetProperty("version").GetInt32(),
            json.RootElement.GetProperty("eventType").GetString()));
        Assert.Equal(rows, await Host.EventRows());
    }

    public static TheoryData<string, string, string> BrokenRules => new()
    {
        // a day logged twice: the second time the decider refuses it
        { "again", "/problems/date-already-logged", "line 16 (day_logged, version 16): the service refuses it: 2024-02-26 already has an entry" },
        // logged before the notebook's start
        { "before-start", "/problems/validation-failed", "line 16 (day_logged, version 16): the service refuses it: date 2024-02-01 is before the notebook's start (2024-02-26)." },
        // logged "in the future" of the instant the file says it was recorded
        { "future", "/problems/validation-failed", "line 16 (day_logged, version 16): the service refuses it: date 2026-03-11 is in the future; today is 2026-03-10 in Asia/Tokyo." },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_history_that_breaks_a_rule_is_refused_whole_with_the_rule(string kind, string rule, string detail)
    {
        var id = await LeapYear();
        var lines = Lines(await Host.Download($"/api/notebooks/{id}/export"));
        var extra = lines[1].DeepClone();
        extra["version"] = 16;
        if (kind == "before-start") extra["data"]!["date"] = "2024-02-01";
        if (kind == "future") extra["data"]!["date"] = "2026-03-11";
        lines.Add(extra);

        var response = await Host.Import(File(lines), token: (await Fixture.Someone()).Token);

        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity, "/problems/import-refused");
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(rule, json.RootElement.GetProperty("rule").GetString());
    }

    public static TheoryData<string, int, string, string> NotAnExport => new()
    {
        { "{\"version\":1", 400, "/problems/invalid-import", "the file, line 1: not an event as Journal exports them (not valid JSON" },
        { "{\"version\":1,\"type\":\"day_forgotten\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\",\"data\":{}}", 400, "/problems/invalid-import", "\"day_forgotten\" is not a notebook event" },
        { "{\"version\":1,\"type\":\"notebook_resumed\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\",\"data\":{},\"extra\":1}", 400, "/problems/invalid-import", "a property Journal does not know" },
        { "{\"version\":1,\"type\":\"notebook_resumed\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\"}", 400, "/problems/invalid-import", "a property is missing" },
        { "{\"version\":\"1\",\"type\":\"notebook_resumed\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\",\"data\":{}}", 400, "/problems/invalid-import", "a value of the wrong type or format at $.version" },
        { "{\"version\":1,\"type\":\"day_retracted\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\",\"data\":{\"date\":null}}", 400, "/problems/invalid-import", "the data of day_retracted does not read" },
        { "{\"version\":1,\"type\":\"notebook_resumed\",\"recordedAt\":\"2026-03-10T14:00:00.0000001+00:00\",\"data\":{}}", 400, "/problems/invalid-import", "finer than whole microseconds" },
        { "", 400, "/problems/invalid-import", "the file: the file holds no events." },
        { "\n\n", 400, "/problems/invalid-import", "the file: the file holds no events." },
        { "{\"version\":1,\"type\":\"notebook_resumed\",\"recordedAt\":\"2026-03-10T14:00:00+00:00\",\"data\":{}}", 422, "/problems/import-refused", "a notebook's events begin with notebook_started, not notebook_resumed" },
    };

    [Theory]
    [MemberData(nameof(NotAnExport))]
    public async Task A_file_that_is_no_events_export_is_refused_naming_the_line(string file, int status, string type, string detail)
    {
        var problem = await (await Host.Import(Encoding.UTF8.GetBytes(file))).Problem((HttpStatusCode)status, type);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was imported.", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gap", "version 3 where 2 comes next")]
    [InlineData("completed", "notebook_completed is recorded by the service itself")]
    [InlineData("second-start", "a second notebook_started")]
    [InlineData("cut", "the file ends here, but day_logged on line 11 brings notebook_completed with it")]
    public async Task An_out_of_order_history_is_refused(string kind, string detail)
    {
        var id = await LeapYear();
        var lines = Lines(await Host.Download($"/api/notebooks/{id}/export"));
        switch (kind)
        {
            case "gap": lines.RemoveAt(1); break;
            case "completed": lines.Insert(1, lines[11].DeepClone()); lines[1]["version"] = 2; break;
            case "second-start": lines[1] = lines[0].DeepClone(); lines[1]["version"] = 2; break;
            case "cut": lines.RemoveRange(11, lines.Count - 11); break;
        }
        var problem = await (await Host.Import(File(lines), token: (await Fixture.Someone()).Token)).Problem(HttpStatusCode.UnprocessableEntity, "/problems/import-refused");
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_refused()
    {
        var problem = await (await Host.Import([0x7b, 0xff, 0xfe, 0x7d, 0x0a])).Problem(HttpStatusCode.BadRequest, "/problems/invalid-import");
        Assert.Contains("not UTF-8 text", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_zip_imports_every_notebook_or_none()
    {
        var leap = await LeapYear();
        var seed = await Host.LearningRust(Clock);
        Clock.Now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var zip = await Host.Download("/api/export");
        var (_, someone) = await Fixture.Someone();

        // One notebook of the two tampered with: refused, naming the file in the zip, and the other is not imported either.
        var broken = Rezip(zip, (path, text) => path.EndsWith("events.jsonl", StringComparison.Ordinal) && path.StartsWith("learning-rust", StringComparison.Ordinal)
            ? text.Replace("\"minutes\":75", "\"minutes\":1441", StringComparison.Ordinal) : text);
        var problem = await (await Host.Import(broken, "application/zip", someone)).Problem(HttpStatusCode.UnprocessableEntity, "/problems/import-refused");
        Assert.StartsWith($"learning-rust-{seed}/events.jsonl, line 3 (day_logged, version 3): the service refuses it: minutes must be between 1 and 1440", problem.Detail, StringComparison.Ordinal);
        var none = await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, As(someone))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        Assert.Equal(0, none.Total);

        var imported = await (await Host.Import(zip, "application/zip", someone)).Read<ImportResponse>(HttpStatusCode.Created);
        Assert.Equal(new[] { (leap, "created"), (seed, "created") }.Order(), imported.Notebooks.Select(n => (n.Id, n.Outcome)).Order());
        foreach (var id in new[] { leap, seed })
            Assert.Equal(await Text($"/api/notebooks/{id}/export"), await Text($"/api/notebooks/{id}/export", someone));
        // Sent as octet-stream, the bytes still say it is a zip; again, nothing changes.
        var again = await (await Host.Import(zip, "application/octet-stream", someone)).Read<ImportResponse>(HttpStatusCode.OK);
        Assert.Equal((0, 2), (again.Created, again.Unchanged));
    }

    [Fact]
    public async Task A_zip_without_events_files_or_with_one_notebook_twice_is_refused()
    {
        var id = await LeapYear();
        var events = await Host.Download($"/api/notebooks/{id}/export");
        var problem = await (await Host.Import(Zip(("notes/readme.md", "# hello"u8.ToArray())), "application/zip")).Problem(HttpStatusCode.BadRequest, "/problems/invalid-import");
        Assert.Contains("the zip holds no events file", problem.Detail, StringComparison.Ordinal);
        var twice = await (await Host.Import(Zip(("a.events.jsonl", events), ("b.events.jsonl", events)), "application/zip")).Problem(HttpStatusCode.BadRequest, "/problems/invalid-import");
        Assert.Equal($"b.events.jsonl, line 1: notebook {id} is also in a.events.jsonl: each notebook may be imported once. Nothing was imported.", twice.Detail);
    }

    [Fact]
    public async Task A_damaged_zip_is_refused_as_no_export_and_a_zip_bomb_as_too_large()
    {
        var id = await LeapYear();
        var zip = Zip(("a.events.jsonl", await Host.Download($"/api/notebooks/{id}/export")));
        // The end-of-central-directory record says two entries; the directory holds one.
        var damaged = zip.ToArray();
        damaged[^12] = 2;
        var problem = await (await Host.Import(damaged, "application/zip")).Problem(HttpStatusCode.BadRequest, "/problems/invalid-import");
        Assert.Contains("not a zip that can be read", problem.Detail, StringComparison.Ordinal);

        using var output = new MemoryStream();
        using (var bomb = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = bomb.CreateEntry("a.events.jsonl", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 257; i++) entry.Write(zeros);
        }
        var tooLarge = await (await Host.Import(output.ToArray(), "application/zip")).Problem(HttpStatusCode.RequestEntityTooLarge, "/problems/request-too-large");
        Assert.Contains("unpack to more than 256 MiB", tooLarge.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_need_an_export_as_their_body_a_writing_token_and_at_most_64_MiB()
    {
        var id = await LeapYear();
        var file = await Host.Download($"/api/notebooks/{id}/export");
        var csv = await (await Host.Import(file, "text/csv")).Problem(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Equal("Send one notebook's events export as application/x-ndjson, or an account export as application/zip.", csv.Detail);
        var reader = await Host.Token(Owner.Email, Owner.Password, ["notebooks:read"]);
        await (await Host.Import(file, token: reader)).Problem(HttpStatusCode.Forbidden, "/problems/forbidden");

        var huge = new byte[64 * 1024 * 1024 + 1];
        var problem = await (await Host.Import(huge, "application/zip")).Problem(HttpStatusCode.RequestEntityTooLarge, "/problems/request-too-large");
        Assert.Contains("64 MiB", problem.Detail, StringComparison.Ordinal);
    }

    private async Task<string> Text(string url, string? token = null)
    {
        var response = token is null ? await Host.Send(HttpMethod.Get, url) : await Host.Send(HttpMethod.Get, url, null, As(token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static List<JsonNode> Lines(byte[] file) =>
        [.. Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];

    private static byte[] File(IEnumerable<JsonNode> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.ToJsonString() + "\n")));

    private static byte[] Zip(params (string Path, byte[] Content)[] files)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        return output.ToArray();
    }

    private static byte[] Rezip(byte[] zip, Func<string, string, string> change)
    {
        using var source = new ZipArchive(new MemoryStream(zip));
        return Zip([.. source.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, Encoding.UTF8.GetBytes(change(e.FullName, reader.ReadToEnd())));
        })]);
    }

    private sealed class ResponseComparer : IEqualityComparer<ImportResponse>
    {
        public static readonly ResponseComparer Instance = new();
        public bool Equals(ImportResponse? x, ImportResponse? y) =>
            x is not null && y is not null && (x.Created, x.Unchanged) == (y.Created, y.Unchanged) && x.Notebooks.SequenceEqual(y.Notebooks);
        public int GetHashCode(ImportResponse obj) => obj.Created;
    }
}
