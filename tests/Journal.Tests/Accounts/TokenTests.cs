using System.Net;
using Journal.Accounts.Rules;
using Journal.Contracts;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Accounts;

/// <summary>Personal access tokens: made with the password, shown once, scoped, revoked at once.</summary>
public sealed class TokenTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Without_credentials_the_API_answers_401_with_a_bearer_challenge()
    {
        var response = await Host.Send(HttpMethod.Get, "/api/notebooks", null, NoCredentials);

        await response.Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        Assert.Equal("Bearer realm=\"journal\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_made_with_email_and_password_is_shown_once_and_listed_without_its_secret()
    {
        var made = await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("laptop", [Scopes.NotebooksRead]), Basic(Owner.Email, Owner.Password)))
            .Read<TokenCreatedResponse>(HttpStatusCode.Created);
        Assert.Matches("^jnl_[A-Za-z0-9_-]{43}$", made.Token);
        Assert.Equal([Scopes.NotebooksRead], made.Scopes);

        var listed = await Host.Send(HttpMethod.Get, "/api/tokens");
        var text = await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(made.Token, text, StringComparison.Ordinal);
        var tokens = await listed.Read<TokenSummary[]>(HttpStatusCode.OK);
        Assert.Equal(["tests", "laptop"], tokens.Select(t => t.Name));

        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(made.Token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_on_its_next_request()
    {
        var token = await Host.Token(Owner.Email, Owner.Password);
        await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
        var id = (await (await Host.Send(HttpMethod.Get, "/api/tokens")).Read<TokenSummary[]>(HttpStatusCode.OK)).Last().Id;

        Assert.Equal(HttpStatusCode.NoContent, (await Host.Send(HttpMethod.Delete, $"/api/tokens/{id}")).StatusCode);

        var refused = await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token));
        await refused.Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await (await Host.Send(HttpMethod.Delete, $"/api/tokens/{id}")).Problem(HttpStatusCode.NotFound, "/problems/token-not-found");
    }

    [Fact]
    public async Task A_read_only_token_reads_and_may_not_write()
    {
        var id = await Host.StartedNotebook();
        var token = await Host.Token(Owner.Email, Owner.Password, [Scopes.NotebooksRead]);
        var before = await Host.EventRows();

        await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}", null, Bearer(token))).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Nope"), Bearer(token))).Problem(HttpStatusCode.Forbidden, "/problems/forbidden");
        await (await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(), Bearer(token))).Problem(HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.Equal(before, await Host.EventRows());
    }

    [Fact]
    public async Task A_token_cannot_make_tokens_and_scopes_must_be_known()
    {
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("more"))).Problem(HttpStatusCode.Forbidden, "/problems/forbidden");
        var problem = await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x", ["notebooks:admin"]), Basic(Owner.Email, Owner.Password)))
            .Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Contains("notebooks:read and notebooks:write", problem.Errors!["scopes"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_sign_ins_are_recorded_and_lock_the_account_for_a_growing_delay()
    {
        for (var i = 0; i < 5; i++)
            await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "wrong password " + i)))
                .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");

        var locked = await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, Owner.Password));
        await locked.Problem(HttpStatusCode.TooManyRequests, "/problems/sign-in-locked");
        Assert.Equal(TimeSpan.FromSeconds(30), locked.Headers.RetryAfter?.Delta);

        Clock.Now += TimeSpan.FromSeconds(31);
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "wrong again")))
            .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        var longer = await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, Owner.Password));
        Assert.Equal(TimeSpan.FromSeconds(60), longer.Headers.RetryAfter?.Delta);

        Clock.Now += TimeSpan.FromSeconds(61);
        await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, Owner.Password))).Read<TokenCreatedResponse>(HttpStatusCode.Created);
        var history = await Host.AccountEvents(Owner.Id);
        Assert.Equal(6, history.Count(e => e == "sign_in_failed"));
        Assert.Equal("signed_in", history[^2]);
    }

    [Fact]
    public async Task Basic_with_an_email_that_has_no_account_says_no_more_than_a_wrong_password()
    {
        var unknown = await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic("nobody@example.com", Owner.Password)))
            .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        var wrong = await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "not it at all")))
            .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        Assert.Equal(unknown.Detail, wrong.Detail);
    }
}
