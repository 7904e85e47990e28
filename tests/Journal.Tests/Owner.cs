using Journal.Accounts;
using Journal.Accounts.Rules;
using Journal.Http.Security;
using Marten;

namespace Journal.Tests;

/// <summary>
/// The account every test starts with, made the way the service makes one (its events, projected inline), with a
/// token of both scopes that the API helpers send by default.
/// </summary>
public static class Owner
{
    public static readonly Guid Id = Guid.Parse("01950000-0000-7000-8000-00000000a001");
    public static readonly Guid TokenId = Guid.Parse("01950000-0000-7000-8000-00000000b001");
    public const string Email = "owner@example.com";
    public const string Password = "correct horse battery staple";
    public const string Token = "jnl_0wnerT0kenForTheTestsOnly000000000000000000";

    private static string? _hash;

    public static async Task SeedAsync(IDocumentStore store, IPasswords passwords)
    {
        _hash ??= passwords.Hash(Password);
        await using var session = store.LightweightSession();
        session.Events.StartStream<Account>(Id,
            new AccountRegistered(Id, Email, "Owner", _hash),
            new TokenIssued(TokenId, "tests", Scopes.All, TokenSecrets.Hash(Token)));
        await session.SaveChangesAsync();
    }
}
