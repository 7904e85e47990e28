using System.Net;
using Journal.Accounts;
using Marten;

namespace Journal.Tests.Web;

/// <summary>The account pages without a browser: the first visit, sign-up, sign-in, tokens.</summary>
public sealed class AccountPageTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_fresh_install_asks_its_first_visitor_for_the_owner_account()
    {
        await Host.ResetAllMartenDataAsync(); // no account yet
        var first = await Host.Anonymous().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/signin", first.Headers.Location!.AbsolutePath);
        var signIn = await Host.Anonymous().GetAsync(first.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal("/signup", signIn.Headers.Location!.OriginalString);

        var signUp = await Host.Anonymous().GetAsync(new Uri("/signup", UriKind.Relative), TestContext.Current.CancellationToken);
        var opened = new OpenedPage(await Pages.Parse(signUp), "/signup", Pages.Cookies(signUp));
        Assert.Equal("Welcome to Journal", opened.Page.Text("h1"));
        var made = await Host.Submit(opened, "form#signup",
            Pages.Fields(("email", "me@example.com"), ("displayName", "Me"), ("password", "my own long password")), withSession: false);

        Assert.Equal("/", made.SeeOther());
        var cookie = Pages.Cookies(made)!;
        using var home = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        home.Headers.Add("Cookie", cookie);
        var page = await Pages.Parse(await Host.Anonymous().SendAsync(home, TestContext.Current.CancellationToken));
        Assert.Equal("All Notebooks", page.Text("h1"));
        Assert.Contains("Me", page.Text(".site-header"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_on_the_tokens_page_is_shown_once_and_works()
    {
        var made = await Host.SubmitForm("/account/tokens", "form#create-token", Pages.Fields(("name", "laptop")));
        Assert.Equal("/account/tokens#new-token", made.SeeOther());
        var tempData = Pages.Cookies(made);

        using var shown = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/tokens", UriKind.Relative));
        shown.Headers.Add("Cookie", $"{await Host.SignedIn()}; {tempData}");
        var page = await Pages.Parse(await Host.Client().SendAsync(shown, TestContext.Current.CancellationToken));
        var token = page.Text("#new-token code.token");
        Assert.Matches("^jnl_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(["tests", "laptop"], page.QuerySelectorAll(".token-name").Select(e => e.Text()));

        var again = await Pages.Parse(await Host.Get("/account/tokens"));
        Assert.Null(again.QuerySelector("#new-token"));
        var api = await Host.Send(HttpMethod.Get, "/api/notebooks", null, Journal.Tests.Accounts.AccountsApi.Bearer(token));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_on_the_sign_in_page_is_said_plainly_and_recorded()
    {
        var signIn = await Host.Anonymous().GetAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var opened = new OpenedPage(await Pages.Parse(signIn), "/signin", Pages.Cookies(signIn));
        var refused = await Host.Submit(opened, "form#signin", Pages.Fields(("email", Owner.Email), ("password", "not my password")), withSession: false);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The email address or the password is not right.", (await Pages.Parse(refused)).Text(".error-summary"));
        await using var session = Fixture.Store.QuerySession();
        Assert.Equal(1, (await session.LoadAsync<Account>(Owner.Id, TestContext.Current.CancellationToken))!.FailedSignIns);
    }
}
