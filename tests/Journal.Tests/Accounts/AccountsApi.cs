using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Journal.Contracts;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Accounts;

/// <summary>Helpers for tests of accounts: more people than the owner, and their tokens.</summary>
public static class AccountsApi
{
    public static (string Name, string Value) Bearer(string token) => ("Authorization", $"Bearer {token}");

    public static (string Name, string Value) Basic(string email, string password) =>
        ("Authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}"))}");

    public static (string Name, string Value) NoCredentials => ("Authorization", "");

    /// <summary>Registers another account (registration opened for it) and returns a token of its own with <paramref name="scopes"/>.</summary>
    public static async Task<(Guid Id, string Token)> Someone(this JournalHost fixture, string email = "someone@example.com",
        string password = "another long passphrase", IReadOnlyList<string>? scopes = null)
    {
        var was = fixture.Accounts.Registration;
        fixture.Accounts.Registration = Journal.Accounts.Registration.Open;
        var account = await (await fixture.Host.Send(HttpMethod.Post, "/api/accounts", new RegisterAccount(email, password), NoCredentials))
            .Read<AccountResponse>(HttpStatusCode.Created);
        fixture.Accounts.Registration = was;
        return (account.Id, await fixture.Host.Token(email, password, scopes));
    }

    /// <summary>The stored names of an account's events, in order.</summary>
    public static async Task<IReadOnlyList<string>> AccountEvents(this IAlbaHost host, Guid accountId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(accountId)).Select(e => e.EventTypeName)];
    }

    public static async Task<string> Token(this IAlbaHost host, string email, string password, IReadOnlyList<string>? scopes = null)
    {
        var response = await host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("tests", scopes), Basic(email, password));
        return (await response.Read<TokenCreatedResponse>(HttpStatusCode.Created)).Token;
    }
}
