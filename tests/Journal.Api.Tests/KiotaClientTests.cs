using Journal.Api.Client;
using Journal.Api.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Journal.Api.Tests;

/// <summary>The client Kiota generated from the document (Client/, unedited) drives the core path against the real service.</summary>
public sealed class KiotaClientTests(SharedApi api)
{
    [Fact]
    public async Task A_generated_client_starts_a_notebook_logs_a_day_and_reads_the_progress()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = Client(api.Host.OwnerToken);

        var started = await client.Api.Notebooks.PostAsync(new StartNotebook
        {
            Title = "Learning Rust",
            Plan = new Plan { Days = 10, SpanDays = 14, MinutesPerDay = 60 },
            Spark = "A friend's borrow-checker war stories.",
            StartDate = new Date(2026, 5, 1),
            TimeZone = "Europe/Berlin",
            DayStartsAt = "04:00",
        }, cancellationToken: ct);
        var id = started!.Id!.Value;

        var logged = await client.Api.Notebooks[id].Days.PostAsync(new LogDay
        {
            Title = "Ownership and borrowing",
            Date = new Date(2026, 5, 2),
            Summary = "Moves and borrows.",
            Entry = "Chapter 4, twice.",
            Minutes = 70,
        }, cancellationToken: ct);
        Assert.Equal(1, logged!.DayNumber);

        var progress = await client.Api.Notebooks[id].GetAsync(cancellationToken: ct);
        Assert.Equal("Learning Rust", progress!.Title);
        Assert.Equal("1 / 10 days", progress.Progress);
        Assert.Equal(70, progress.MinutesStudied);
        Assert.Equal("04:00:00", progress.DayStartsAt);

        var day = await client.Api.Notebooks[id].Days[new Date(2026, 5, 2)].GetAsync(cancellationToken: ct);
        Assert.Equal("Chapter 4, twice.", day!.Entry);

        // An error comes back as the document's Problem, thrown as the client's exception type.
        var refused = await Assert.ThrowsAsync<Problem>(() => client.Api.Notebooks[id].Days.PostAsync(
            new LogDay { Title = "Again", Date = new Date(2026, 5, 2) }, cancellationToken: ct));
        Assert.Equal(409, refused.Status);
        Assert.Equal("/problems/date-already-logged", refused.Type);
    }

    private JournalApiClient Client(string token)
    {
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new Token(token, api.Host.BaseAddress.Host)))
        {
            BaseUrl = api.Host.BaseAddress.ToString().TrimEnd('/'),
        };
        return new JournalApiClient(adapter);
    }

    /// <summary>The personal access token, offered only to the service's own host.</summary>
    private sealed class Token(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(token);
    }
}
