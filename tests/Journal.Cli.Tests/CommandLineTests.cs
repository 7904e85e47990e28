using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Journal.Contracts;

namespace Journal.Cli.Tests;

/// <summary><c>journal</c> against the running service: what a person types, what it prints, how it exits.</summary>
public sealed class CommandLineTests(CliHost host)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static void Succeeded(Run run) => Assert.True(run.ExitCode == 0, run.ToString());

    /// <summary>A terminal signed in (through `journal login`, the password read from input) to a new account.</summary>
    private async Task<(Terminal Terminal, string Token)> SignedIn(string name)
    {
        var (email, password, token) = await host.Account(name);
        var terminal = new Terminal();
        Succeeded(await terminal.JournalWithInput($"{email}\n{password}\n", "login", "--url", host.Url));
        return (terminal, token);
    }

    [Fact]
    public async Task A_person_signs_in_starts_logs_skips_reads_exports_and_imports_from_a_terminal()
    {
        var (email, password, token) = await host.Account("ada");
        using var ada = new Terminal();
        using var api = host.Api(token);

        var login = await ada.JournalWithInput($"{email}\n{password}\n", "login", "--url", host.Url);
        Succeeded(login);
        Assert.Equal($"Signed in to {host.Url} as {email}. The token \"journal on test-machine\" is kept in {ada.ConfigFolder}/config.json, readable by you only.\n", login.Out);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(ada.ConfigFolder, "config.json")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ada.ConfigFolder));
        }
        var tokens = await api.GetFromJsonAsync<TokenSummary[]>("/api/tokens", TestContext.Current.CancellationToken);
        Assert.Contains(tokens!, t => t.Name == "journal on test-machine");

        var start = await ada.Journal("start", "Learning Rust", "--days", "10", "--span", "14", "--minutes", "60", "--start", "2026-03-02",
            "--zone", "Europe/Berlin", "--spark", "The borrow checker keeps *winning*.");
        Succeeded(start);
        var id = Guid.Parse(start.Out.Split('(', ')')[1]);

        // A study day in one line: the only notebook in progress, today by default.
        var today = await ada.Journal("log", "--title", "Ownership", "--minutes", "60", "--summary", "Moves, not copies.");
        Succeeded(today);
        Assert.Equal("Logged Day 1 of Learning Rust: Tue 2026-03-10 (version 2).\n", today.Out);
        var entry = Path.Combine(ada.WorkingDirectory, "borrowing.md");
        await File.WriteAllTextAsync(entry, "# Borrowing\n\nShared or mutable.", TestContext.Current.CancellationToken);
        Succeeded(await ada.Journal("log", "learning", "-t", "Borrowing", "-d", "2026-03-03", "-m", "45", "--entry-file", "borrowing.md"));
        if (!OperatingSystem.IsWindows())
        {
            var editor = Path.Combine(ada.Home, "editor.sh");
            await File.WriteAllTextAsync(editor, "#!/bin/sh\nprintf '# Slices\\n\\nWritten in the editor.' > \"$1\"\n", TestContext.Current.CancellationToken);
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            ada["EDITOR"] = editor;
            Succeeded(await ada.Journal("log", id.ToString()[..8], "--title", "Slices", "--date", "2026-03-04", "--edit"));
            var slices = await api.GetFromJsonAsync<DayPageResponse>($"/api/notebooks/{id}/days/2026-03-04", Json, TestContext.Current.CancellationToken);
            Assert.Equal("# Slices\n\nWritten in the editor.", slices!.Entry);
        }
        var borrowing = await api.GetFromJsonAsync<DayPageResponse>($"/api/notebooks/{id}/days/2026-03-03", Json, TestContext.Current.CancellationToken);
        Assert.Equal(("Borrowing", "# Borrowing\n\nShared or mutable.", 45, true), (borrowing!.Title, borrowing.Entry, borrowing.Minutes, borrowing.Backfilled));
        var skip = await ada.Journal("skip", "Learning Rust", "--date", "2026-03-05", "--reason", "A walk");
        Succeeded(skip);
        Assert.StartsWith("Rest day in Learning Rust: Thu 2026-03-05", skip.Out, StringComparison.Ordinal);

        // Refused: one line on standard error naming the rule, exit 1, nothing else.
        Succeeded(await ada.Journal("log", "--title", "First", "--date", "2026-03-02"));
        var refused = await ada.Journal("log", "--title", "Again", "--date", "2026-03-02");
        Assert.Equal((ExitCodes.Refused, ""), (refused.ExitCode, refused.Out));
        Assert.Equal("journal: 2026-03-02 already has an entry (Day 1); revise it with PUT instead. (409 date-already-logged)\n", refused.Error);

        var show = await ada.Journal("show", "learn");
        Succeeded(show);
        Assert.Contains("Learning Rust  [In Progress]", show.Out, StringComparison.Ordinal);
        Assert.Contains("Progress  4 / 10 days", show.Out, StringComparison.Ordinal);
        Assert.Contains("Streak    1 day now · 3 days longest", show.Out, StringComparison.Ordinal);
        Assert.Contains("Rest    Thu 2026-03-05  A walk", show.Out, StringComparison.Ordinal);
        var json = await ada.Journal("show", "Learning Rust", "--json");
        Assert.Equal(await api.GetFromJsonAsync<NotebookProgressResponse>($"/api/notebooks/{id}", Json, TestContext.Current.CancellationToken),
            JsonSerializer.Deserialize<NotebookProgressResponse>(json.Out, Json));
        var list = await ada.Journal("ls", "--json");
        Assert.Equal(id, Assert.Single(JsonSerializer.Deserialize<NotebookIndexItem[]>(list.Out, Json)!).Id);
        var history = await ada.Journal("history", "Learning Rust");
        Assert.Equal(6, history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("day_skipped", history.Out, StringComparison.Ordinal);
        var audit = await ada.Journal("audit", "Learning Rust");
        Succeeded(audit);
        Assert.Contains("Consistent: every stored figure matches a replay of its 6 events.", audit.Out, StringComparison.Ordinal);

        // Exports land under the service's file names; the events file and the account zip import elsewhere.
        Succeeded(await ada.Journal("export", "Learning Rust"));
        var events = Path.Combine(ada.WorkingDirectory, "learning-rust.events.jsonl");
        Assert.Equal(await api.GetByteArrayAsync($"/api/notebooks/{id}/export", TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(events, TestContext.Current.CancellationToken));
        Succeeded(await ada.Journal("export", "Learning Rust", "--format", "markdown", "-o", "rust.md"));
        Assert.StartsWith("# Learning Rust\n", await File.ReadAllTextAsync(Path.Combine(ada.WorkingDirectory, "rust.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var csv = await ada.Journal("export", "Learning Rust", "--format", "csv", "-o", "-");
        Assert.StartsWith("date,day,title,summary,minutes,backfilled,recorded_at\r\n2026-03-02,1,First,", csv.Out, StringComparison.Ordinal);
        var exists = await ada.Journal("export", "Learning Rust");
        Assert.Equal(ExitCodes.Usage, exists.ExitCode);
        Assert.Contains("exists: add --force", exists.Error, StringComparison.Ordinal);
        var zip = await ada.Journal("export");
        Succeeded(zip);
        Assert.Contains("journal-export-2026-03-10.zip", zip.Out, StringComparison.Ordinal);
        using (var archive = ZipFile.OpenRead(Path.Combine(ada.WorkingDirectory, "journal-export-2026-03-10.zip")))
            Assert.Equal(4, archive.Entries.Count);

        var (grace, graceToken) = await SignedIn("grace");
        using (grace)
        {
            var imported = await grace.Journal("import", events);
            Succeeded(imported);
            Assert.Equal($"  imported: Learning Rust ({id}, 6 events)\n1 imported, 0 unchanged.\n", imported.Out);
            var twice = await grace.Journal("import", Path.Combine(ada.WorkingDirectory, "journal-export-2026-03-10.zip"));
            Succeeded(twice);
            Assert.EndsWith("0 imported, 1 unchanged.\n", twice.Out, StringComparison.Ordinal);
            using var graceApi = host.Api(graceToken);
            Assert.Equal(await File.ReadAllBytesAsync(events, TestContext.Current.CancellationToken),
                await graceApi.GetByteArrayAsync($"/api/notebooks/{id}/export", TestContext.Current.CancellationToken));
        }

        // Signing out revokes the token at once and forgets it.
        var stored = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(ada.ConfigFolder, "config.json"), TestContext.Current.CancellationToken));
        Succeeded(await ada.Journal("logout"));
        Assert.False(File.Exists(Path.Combine(ada.ConfigFolder, "config.json")));
        using var revoked = host.Api(stored.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/notebooks", TestContext.Current.CancellationToken)).StatusCode);
        var signedOut = await ada.Journal("ls");
        Assert.Equal(ExitCodes.Unauthorized, signedOut.ExitCode);
        Assert.Equal("journal: not signed in: run `journal login` first (or set JOURNAL_TOKEN).\n", signedOut.Error);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_with_the_same_idempotency_key_and_logs_the_day_once()
    {
        var (terminal, token) = await SignedIn("retry");
        using var _ = terminal;
        Succeeded(await terminal.Journal("start", "Retries", "--days", "5", "--zone", "UTC"));
        var keys = new List<string>();
        terminal.Handler = () => new DropFirstWrite(keys);

        var logged = await terminal.Journal("log", "--title", "Sent twice", "--minutes", "30");

        Succeeded(logged);
        Assert.Equal("Logged Day 1 of Retries: Tue 2026-03-10 (version 2).\n", logged.Out);
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.StartsWith("journal-cli-", keys[0], StringComparison.Ordinal);
        using var api = host.Api(token);
        var notebooks = await api.GetFromJsonAsync<NotebookIndexResponse>("/api/notebooks", Json, TestContext.Current.CancellationToken);
        var history = await api.GetFromJsonAsync<HistoryEntry[]>($"/api/notebooks/{notebooks!.Items[0].Id}/history", Json, TestContext.Current.CancellationToken);
        Assert.Equal(["notebook_started", "day_logged"], history!.Select(h => h.Type));
    }

    [Fact]
    public async Task The_installed_tool_logs_a_day_in_one_line_and_exits_as_documented()
    {
        var (terminal, _) = await SignedIn("tool");
        using var _1 = terminal;
        Succeeded(await terminal.Journal("start", "Go", "--days", "3", "--zone", "America/New_York"));

        var logged = await terminal.Process("", "log", "--title", "Goroutines", "--minutes", "25");
        Assert.Equal((0, "Logged Day 1 of Go: Tue 2026-03-10 (version 2).\n", ""), (logged.ExitCode, logged.Out, logged.Error));
        var refused = await terminal.Process("", "log", "--title", "Goroutines");
        Assert.Equal((ExitCodes.Refused, "journal: 2026-03-10 already has an entry (Day 1); revise it with PUT instead. (409 date-already-logged)\n"),
            (refused.ExitCode, refused.Error));
        var unknown = await terminal.Process("", "log", "--title", "x", "--date", "yesterday");
        Assert.Equal((ExitCodes.Usage, "journal: --date takes a date as yyyy-MM-dd, such as 2026-11-29; \"yesterday\" is not one.\n"), (unknown.ExitCode, unknown.Error));
        var missing = await terminal.Process("", "show", "Python");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        var help = await terminal.Process("", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("login", help.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "log" }, "Option '--title' is required.")]
    [InlineData(new[] { "start", "x", "--days", "many" }, "many")]
    [InlineData(new[] { "lsx" }, "lsx")]
    [InlineData(new[] { "ls", "--status", "Paused" }, "Paused")]
    [InlineData(new[] { "log", "--title", "x", "--edit", "--entry-file", "a.md" }, "give --entry-file or --edit, not both.")]
    [InlineData(new[] { "export", "--format", "csv" }, "--format is for one notebook")]
    public async Task A_wrong_command_line_exits_2_saying_what_is_wrong(string[] args, string message)
    {
        var (terminal, _) = await SignedIn("usage");
        using var _1 = terminal;
        var run = await terminal.Journal(args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_and_an_unreachable_service_exit_4_and_5()
    {
        var (email, _, _) = await host.Account("wrong");
        using var terminal = new Terminal();
        var wrong = await terminal.JournalWithInput($"{email}\nnot the password\n", "login", "--url", host.Url);
        Assert.Equal(ExitCodes.Unauthorized, wrong.ExitCode);
        Assert.StartsWith("journal: The email address or the password is not right. (401 unauthenticated)", wrong.Error, StringComparison.Ordinal);

        terminal["JOURNAL_URL"] = "http://127.0.0.1:9";
        terminal["JOURNAL_TOKEN"] = "jnl_whatever";
        var down = await terminal.Journal("ls");
        Assert.Equal(ExitCodes.Unavailable, down.ExitCode);
        Assert.StartsWith("journal: cannot reach http://127.0.0.1:9/: ", down.Error, StringComparison.Ordinal);
    }

    /// <summary>Sends the first write to the service, then drops the connection before its answer arrives (a handler per client, one list of keys).</summary>
    private sealed class DropFirstWrite(List<string> keys) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post) return await base.SendAsync(request, cancellationToken);
            keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            var response = await base.SendAsync(request, cancellationToken);
            if (keys.Count > 1) return response;
            response.Dispose();
            throw new HttpRequestException("The connection was reset (dropped on purpose by the test).", new IOException("reset"));
        }
    }
}
