using System.Net;
using Journal.Accounts;
using Marten;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Accounts;

/// <summary>Signing up: the first account is the owner's, then registration is closed unless the operator opens it.</summary>
public sealed class RegistrationTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task After_the_first_account_registration_is_closed_unless_opened()
    {
        await (await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount("late@example.com", "a long enough password"), NoCredentials))
            .Problem(HttpStatusCode.Forbidden, "/problems/registration-closed");

        Fixture.Accounts.Registration = Registration.Open;
        var account = await (await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount("  Late@Example.COM ", "a long enough password"), NoCredentials))
            .Read<AccountResponse>(HttpStatusCode.Created);
        Assert.Equal(("late@example.com", "late"), (account.Email, account.DisplayName));

        await (await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount("LATE@example.com", "another long password"), NoCredentials))
            .Problem(HttpStatusCode.Conflict, "/problems/email-taken");
    }

    [Theory]
    [InlineData("not an email", "a long enough password", "email")]
    [InlineData("Ada <ada@example.com>", "a long enough password", "email")]
    [InlineData("ada@example.com", "short", "password")]
    [InlineData("ada@example.com", "          ", "password")]
    [InlineData("ada@example.com", "ADA@example.com", "password")]
    [InlineData("x'; DROP TABLE journal.mt_events; --@example.com", "a long enough password", "email")]
    [InlineData("{\"$ne\": null}", "a long enough password", "email")]
    public async Task Emails_and_passwords_are_checked_and_the_rules_stated(string email, string password, string field)
    {
        Fixture.Accounts.Registration = Registration.Open;

        var problem = await (await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount(email, password), NoCredentials))
            .Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");

        Assert.Equal([field], problem.Errors!.Keys);
        if (field == "password" && password.Trim().Length > 0 && !password.Contains('@', StringComparison.Ordinal))
            Assert.Contains("10 to 1024 characters", problem.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_account_takes_the_notebooks_written_before_accounts_existed()
    {
        await Host.ResetAllMartenDataAsync(); // no account at all, as before this release
        var id = Guid.CreateVersion7();
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.StartStream<NotebookProgress>(id,
                new NotebookStarted(id, "From before", null, new Plan(3, 7), new DateOnly(2026, 3, 2), "UTC", TimeOnly.MinValue),
                new DayLogged(new DateOnly(2026, 3, 2), "Old day", null, null, 30, new DateOnly(2026, 3, 2), false, false));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var owner = await (await Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount("first@example.com", "the very first password"), NoCredentials))
            .Read<AccountResponse>(HttpStatusCode.Created);
        var token = await Host.Token("first@example.com", "the very first password");

        var progress = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}", null, Bearer(token))).Read<NotebookProgressResponse>(HttpStatusCode.OK);
        Assert.Equal(("From before", "1 / 3 days"), (progress.Title, progress.Progress));
        var day = await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/days/2026-03-02", null, Bearer(token));
        Assert.Equal(HttpStatusCode.OK, day.StatusCode);
        var audit = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/audit", null, Bearer(token))).Read<AuditResponse>(HttpStatusCode.OK);
        Assert.True(audit.Consistent);
        Assert.Contains("notebooks_claimed", await Host.AccountEvents(owner.Id));
        await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("New day", new DateOnly(2026, 3, 3)), Bearer(token)))
            .Read<DayLoggedResponse>(HttpStatusCode.Created);
    }
}
