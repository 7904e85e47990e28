using System.Net;
using Journal.Contracts;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Accounts;

/// <summary>Abuse limits: 429 problem details with Retry-After; defaults a person never meets (here set low on purpose).</summary>
public sealed class RateLimitTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_api_limits_each_token_and_says_when_to_retry()
    {
        (Fixture.Limits.ApiPerMinute, Fixture.Limits.ApiBurst) = (60, 3);
        var token = await Host.Token(Owner.Email, Owner.Password); // a token of its own: a fresh bucket

        for (var i = 0; i < 3; i++)
            await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        var limited = await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token));

        await limited.Problem(HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        // Another token is another bucket.
        await (await Host.Send(HttpMethod.Get, "/api/notebooks")).Read<NotebookIndexResponse>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_limit_under_one_a_second_holds_as_set()
    {
        (Fixture.Limits.ApiPerMinute, Fixture.Limits.ApiBurst) = (6, 1); // a request every 10 s
        var token = await Host.Token(Owner.Email, Owner.Password);
        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var limited = await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token));

        await limited.Problem(HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(5), $"Retry-After {limited.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Sign_up_and_sign_in_are_limited_per_client_address()
    {
        Fixture.Limits.SignInPerMinute = 2;
        for (var i = 0; i < 2; i++)
            await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "wrong password!")))
                .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");

        var limited = await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount("flood@example.com", "a long enough password"), NoCredentials);

        await limited.Problem(HttpStatusCode.TooManyRequests, "/problems/too-many-requests");
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
