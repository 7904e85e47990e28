using System.Net;
using System.Text.Json.Nodes;
using Journal.Accounts;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Tests.Accounts;
using Marten;

namespace Journal.Tests.Corpus;

/// <summary>
/// Writes this release's corpus through the API, as a user would, and records the answers it gives: run once per release,
/// before tagging it (`dotnet test --project tests/Journal.Tests -- --filter-class Journal.Tests.Corpus.CorpusWriter --explicit only`),
/// then read the two files and commit them. Earlier releases' files are never rewritten (docs/operations.md, Releases).
/// </summary>
public sealed class CorpusWriter(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>The release whose corpus this code writes: the next tag.</summary>
    public const string Release = "v0.3";

    [Fact(Explicit = true)]
    public async Task Write_this_releases_corpus()
    {
        // No test owner: the corpus's own accounts only. The commands run at the story's times (the clock); the events'
        // timestamps are the database's own clock when this ran, as Marten's QuickWithServerTimestamps stores them.
        await Host.ResetAllMartenDataAsync();
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        // A notebook from before accounts existed, in the default tenant, as v0.2 left it; the first account takes it.
        At("2026-02-01T09:00:00Z");
        var before = Guid.Parse("01950000-0000-7000-8000-0000000c0001");
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Journal.Notebooks.Progress.NotebookProgress>(before,
                new NotebookStarted(before, "Before accounts", "Written by v0.2.", new Plan(3, 7), new DateOnly(2026, 2, 1), "UTC", TimeOnly.MinValue),
                new DayLogged(new DateOnly(2026, 2, 1), "First steps", null, null, 25, new DateOnly(2026, 2, 1), Backfilled: false, SupersededSkip: false));
            await session.SaveChangesAsync();
        }

        Fixture.Accounts.Registration = Registration.Open;
        At("2026-02-10T08:00:00Z");
        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/accounts", new RegisterAccount("ada@example.com", "ada's first passphrase", "Ada"), null);
        var ada = await Token("ada@example.com", "ada's first passphrase", "laptop", null);
        var phone = await Token("ada@example.com", "ada's first passphrase", "phone", ["notebooks:read"]);
        await Expect(HttpStatusCode.NoContent, HttpMethod.Put, "/api/me/password", new ChangePassword("ada's first passphrase", "ada's second passphrase"), ada.Token);
        await Expect(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/tokens", new CreateToken("wrong"), null, AccountsApi.Basic("ada@example.com", "not her passphrase"));
        await Expect(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/tokens/{phone.Id}", null, ada.Token);
        await using (var session = Fixture.Store.LightweightSession())
        {
            var adaId = (await session.Query<Account>().SingleAsync(a => a.Email == "ada@example.com")).Id;
            session.Events.Append(adaId, new DisplayNameChanged("Ada L."));
            await session.SaveChangesAsync();
        }
        At("2026-02-11T08:00:00Z");
        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/accounts", new RegisterAccount("grace@example.com", "grace's passphrase, long", null), null);
        var grace = await Token("grace@example.com", "grace's passphrase, long", "desk", ["notebooks:read", "notebooks:write"]);

        // Rust ownership (domain.md's worked example): rest days, a late one cancelled, a skip replaced by an entry,
        // completion, a revision, a retraction that reopens it, completion again, a bigger plan that reopens it.
        var rust = await Start(ada.Token, "2026-03-02T13:00:00Z", new StartNotebook("Rust ownership", new Plan(5, 7, 45),
            Spark: "The borrow checker keeps *winning*.", StartDate: new DateOnly(2026, 3, 2), TimeZone: "America/New_York"));
        await Log(ada.Token, rust, "2026-03-02T23:00:00Z", new LogDay("Moves", new DateOnly(2026, 3, 2), "Ownership moves on assignment.", "# Moves\n\nA `String` is moved, not copied.", 45));
        await Log(ada.Token, rust, "2026-03-03T23:30:00Z", new LogDay("Borrowing", new DateOnly(2026, 3, 3), Minutes: 50));
        await Log(ada.Token, rust, "2026-03-04T22:00:00Z", new LogDay("Slices", new DateOnly(2026, 3, 4), "Views into a sequence."));
        await Skip(ada.Token, rust, "2026-03-05T15:00:00Z", new SkipDay(new DateOnly(2026, 3, 5), "Tired"));
        await Log(ada.Token, rust, "2026-03-06T23:00:00Z", new LogDay("Lifetimes", new DateOnly(2026, 3, 6), Entry: "Annotations name a relationship; they change nothing.", Minutes: 60));
        await Skip(ada.Token, rust, "2026-03-09T12:00:00Z", new SkipDay(new DateOnly(2026, 3, 7)));
        await Expect(HttpStatusCode.OK, HttpMethod.Delete, $"/api/notebooks/{rust}/skips/2026-03-07", null, ada.Token);
        await Skip(ada.Token, rust, "2026-03-09T12:05:00Z", new SkipDay(new DateOnly(2026, 3, 8), "Weekend"));
        await Log(ada.Token, rust, "2026-03-09T12:10:00Z", new LogDay("Traits after all", new DateOnly(2026, 3, 8), Minutes: 30));
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{rust}/days/2026-03-03", new ReviseDay("Borrowing, revised", Minutes: 55), ada.Token);
        await Expect(HttpStatusCode.OK, HttpMethod.Delete, $"/api/notebooks/{rust}/days/2026-03-04", null, ada.Token);
        await Log(ada.Token, rust, "2026-03-10T14:00:00Z", new LogDay("Closures", new DateOnly(2026, 3, 9), "Fn, FnMut, FnOnce.", Minutes: 45));
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{rust}/plan", new ChangePlan(7, 14, 40), ada.Token);

        // Piano scales: a day that starts at 04:00, no minutes planned, a move of time zone, a new plan, abandoned, resumed, abandoned.
        var piano = await Start(ada.Token, "2026-03-31T20:00:00Z", new StartNotebook("Piano scales", new Plan(20, 30),
            StartDate: new DateOnly(2026, 4, 1), TimeZone: "Asia/Tokyo", DayStartsAt: new TimeOnly(4, 0)));
        await Log(ada.Token, piano, "2026-04-01T10:00:00Z", new LogDay("C major", new DateOnly(2026, 4, 1), Minutes: 20));
        await Log(ada.Token, piano, "2026-04-02T18:30:00Z", new LogDay("G major, before the day turned", new DateOnly(2026, 4, 2)));
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{piano}/time-zone", new ChangeTimeZone("Europe/London", new TimeOnly(5, 0)), ada.Token);
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{piano}/plan", new ChangePlan(15, 30, 25), ada.Token);
        At("2026-04-05T09:00:00Z");
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/notebooks/{piano}/abandon", new AbandonNotebook("Busy with exams"), ada.Token);
        At("2026-04-09T09:00:00Z");
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/notebooks/{piano}/resume", null, ada.Token);
        await Log(ada.Token, piano, "2026-04-10T07:00:00Z", new LogDay("D minor", new DateOnly(2026, 4, 10), Minutes: 25));
        At("2026-04-20T09:00:00Z");
        await Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/notebooks/{piano}/abandon", new AbandonNotebook(), ada.Token);

        // Grace's notebook, shared.
        var sql = await Start(grace.Token, "2026-04-20T08:00:00Z", new StartNotebook("SQL window functions", new Plan(3, 5, 90),
            StartDate: new DateOnly(2026, 4, 20), TimeZone: "UTC"));
        await Log(grace.Token, sql, "2026-04-20T20:00:00Z", new LogDay("OVER and PARTITION BY", new DateOnly(2026, 4, 20), Minutes: 90));
        await Skip(grace.Token, sql, "2026-04-21T07:00:00Z", new SkipDay(new DateOnly(2026, 4, 21)));
        await Log(grace.Token, sql, "2026-04-22T21:00:00Z", new LogDay("Frames", new DateOnly(2026, 4, 22), "ROWS against RANGE.", "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW", 95));
        // More shapes: a revision with every field but minutes, a time zone change keeping the day's start, a rest day
        // cancelled and taken again with a reason, a day retracted and logged again, a failed sign-in, a token revoked.
        At("2026-04-23T07:00:00Z");
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{sql}/days/2026-04-20",
            new ReviseDay("OVER, PARTITION BY and ORDER BY", "Windows are defined per row.", "## Notes\n\n- `ROW_NUMBER()`\n- `RANK()`"), grace.Token);
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/notebooks/{sql}/time-zone", new ChangeTimeZone("America/Chicago"), grace.Token);
        await Expect(HttpStatusCode.OK, HttpMethod.Delete, $"/api/notebooks/{sql}/skips/2026-04-21", null, grace.Token);
        await Skip(grace.Token, sql, "2026-04-23T07:05:00Z", new SkipDay(new DateOnly(2026, 4, 21), "Conference"));
        await Expect(HttpStatusCode.OK, HttpMethod.Delete, $"/api/notebooks/{sql}/days/2026-04-22", null, grace.Token);
        await Log(grace.Token, sql, "2026-04-23T07:10:00Z", new LogDay("Frames, again", new DateOnly(2026, 4, 22), Minutes: 80));
        await Expect(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/tokens", new CreateToken("wrong"), null, AccountsApi.Basic("grace@example.com", "a guess"));
        var spare = await Token("grace@example.com", "grace's passphrase, long", "spare", ["notebooks:read"]);
        await Expect(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/tokens/{spare.Id}", null, grace.Token);
        var graceShare = await Share(grace.Token, sql);

        // The seed notebook: Learning Rust, 10 days over 14, an hour a day, from April 27 in Berlin; six days logged
        // April 27 to May 2 (one the next morning), and May 3 a rest day.
        var seed = await Start(ada.Token, "2026-04-27T06:00:00Z", new StartNotebook("Learning Rust", new Plan(10, 14, 60),
            Spark: "I keep *fighting* the borrow checker.\n\n# Why now\n\nA new job.", StartDate: new DateOnly(2026, 4, 27), TimeZone: "Europe/Berlin"));
        string[] titles = ["Ownership", "Borrowing", "Slices", "Lifetimes", "Traits", "Closures"];
        for (var i = 0; i < titles.Length; i++)
        {
            var date = new DateOnly(2026, 4, 27).AddDays(i);
            var at = i == 3 ? $"{date.AddDays(1):yyyy-MM-dd}T06:30:00Z" : $"{date:yyyy-MM-dd}T19:00:00Z"; // Lifetimes: backfilled
            await Log(ada.Token, seed, at, new LogDay(titles[i], date, $"Summary of {titles[i]}", $"# {titles[i]}\n\nThe full entry on *{titles[i]}*.", 60));
        }
        await Skip(ada.Token, seed, "2026-05-03T08:00:00Z", new SkipDay(new DateOnly(2026, 5, 3), "Rest"));
        var seedShare = await Share(ada.Token, seed);
        var pianoShare = await Share(ada.Token, piano);
        await Expect(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/notebooks/{piano}/share", null, ada.Token);

        At("2026-05-03T12:00:00Z");
        var credentials = new JsonArray(Credential("ada@example.com", ada.Token), Credential("grace@example.com", grace.Token));
        var slugs = new JsonArray(seedShare, graceShare);
        var expected = new JsonObject
        {
            ["release"] = Release,
            ["now"] = Clock.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["credentials"] = credentials,
            ["slugs"] = slugs,
            ["revokedSlugs"] = new JsonArray(pianoShare),
            ["answers"] = await EventCorpus.AnswersAsync(Host, credentials, slugs),
        };

        var folder = Path.Combine(TestMachine.RepositoryRoot(), "tests", "Journal.Tests", "Corpus");
        await EventCorpus.DumpAsync(Fixture.Store, Path.Combine(folder, $"{Release}.jsonl"));
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Release}.expected.json"), expected.ToJsonString(EventCorpus.Indented) + "\n");
    }

    private void At(string instant) => Clock.Now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Credential(string email, string token) => new() { ["email"] = email, ["token"] = token };

    private async Task<TokenCreatedResponse> Token(string email, string password, string name, IReadOnlyList<string>? scopes) =>
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken(name, scopes), AccountsApi.Basic(email, password)))
            .Read<TokenCreatedResponse>(HttpStatusCode.Created);

    private async Task<Guid> Start(string token, string at, StartNotebook command)
    {
        At(at);
        return (await (await Host.Send(HttpMethod.Post, "/api/notebooks", command, AccountsApi.Bearer(token))).Read<NotebookStartedResponse>(HttpStatusCode.Created)).Id;
    }

    private async Task Log(string token, Guid id, string at, LogDay command)
    {
        At(at);
        await Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/notebooks/{id}/days", command, token);
    }

    private async Task Skip(string token, Guid id, string at, SkipDay command)
    {
        At(at);
        await Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/notebooks/{id}/skips", command, token);
    }

    private async Task<string> Share(string token, Guid id) =>
        (await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share", null, AccountsApi.Bearer(token))).Read<ShareLinkResponse>(HttpStatusCode.Created)).Slug;

    private async Task Expect(HttpStatusCode status, HttpMethod method, string url, object? body, string? token, (string, string)? authorization = null)
    {
        var response = await Host.Send(method, url, body, authorization ?? (token is null ? AccountsApi.NoCredentials : AccountsApi.Bearer(token)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
    }
}
