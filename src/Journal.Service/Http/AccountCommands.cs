using System.Data;
using Journal.Accounts;
using Journal.Accounts.Deciders;
using Journal.Accounts.Rules;
using Journal.Contracts;
using Journal.Hosting;
using Journal.Http.Security;
using Journal.Notebooks;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Journal.Http;

/// <summary>
/// The write path of accounts, for the API, the pages and sign-in: an account's stream is loaded under its lock,
/// decided on by a pure decider, appended and committed with the account's documents. Accounts are global: these
/// sessions are never a tenant's.
/// </summary>
public sealed class AccountCommands(IDocumentStore store, TimeProvider clock, IPasswords passwords, IOptions<AccountOptions> options,
    JournalMetrics metrics, TokenCache tokens)
{
    /// <summary>Registers an account; the first one also takes every notebook written before accounts existed.</summary>
    public async Task<(Decision Decision, Account? Account)> Register(RegisterAccount? command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        // One registration at a time: "the first account" and "is the email free" must not race.
        await using (var serialise = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('journal:registration', 0))", session.Connection))
            await serialise.ExecuteNonQueryAsync(ct);

        var first = !await session.Query<Account>().AnyAsync(ct);
        var email = Emails.Normalize(command?.Email);
        var taken = await session.Query<Account>().AnyAsync(a => a.Email == email, ct);
        var decision = RegisterAccountDecider.Decide(command, options.Value.IsOpen(first), _ => taken, Guid.CreateVersion7(), passwords);
        if (decision.Refusal is { } refusal)
        {
            metrics.Refused(refusal.Type, "account");
            return (decision, null);
        }

        var registered = decision.The<AccountRegistered>();
        var stream = session.Events.StartStream<Account>(registered.AccountId, [.. decision.Events]);
        if (first && await NotebooksBeforeAccounts.ClaimAsync(session, registered.AccountId.ToString(), ct) is var claimed and > 0)
            session.Events.Append(stream.Id, new NotebooksClaimed(claimed));
        await session.SaveChangesAsync(ct);
        return (decision, await session.LoadAsync<Account>(registered.AccountId, ct));
    }

    /// <summary>Signs in with email and password; every attempt on an existing account is recorded.</summary>
    public async Task<(Decision Decision, Account? Account)> SignIn(string? email, string? password, string method, CancellationToken ct)
    {
        var normalized = Emails.Normalize(email);
        await using var query = store.QuerySession();
        var id = await query.Query<Account>().Where(a => a.Email == normalized).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (id == Guid.Empty)
        {
            passwords.Verify(Decoy, password ?? ""); // as long as a real check: the answer's timing names no account
            return SignInFailed(Decision.Refuse(AccountRefusals.WrongCredentials()), method);
        }
        var (decision, account) = await ApplyAsync(id, (a, now) => SignInDecider.Decide(a, password, method, now, passwords), ct);
        return SignInDecider.Succeeded(decision) ? (decision, account) : SignInFailed(decision.Refusal is null ? Decision.Refuse(AccountRefusals.WrongCredentials()) : decision, method);
    }

    private (Decision Decision, Account? Account) SignInFailed(Decision refused, string method)
    {
        metrics.SignInFailed(method, refused.Refusal!.Type);
        return (refused, null);
    }

    /// <summary>Applies a command to an account: its stream locked, decided on, appended, committed; a refusal is counted.</summary>
    public async Task<(Decision Decision, Account? Account)> Apply(Guid accountId, Func<Account, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var (decision, account) = await ApplyAsync(accountId, decide, ct);
        if (decision.Refusal is { } refusal) metrics.Refused(refusal.Type, "account");
        return (decision, account);
    }

    private async Task<(Decision Decision, Account? Account)> ApplyAsync(Guid accountId, Func<Account, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForExclusiveWriting<Account>(accountId, ct);
        if (stream.Aggregate is null) return (Decision.Refuse(AccountRefusals.NoAccount()), null);
        var decision = JournalTracing.Decide(() => decide(stream.Aggregate, clock.GetUtcNow()));
        if (decision.Refusal is null && decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(ct);
            // This node's next request must not wait for the notification to come back from PostgreSQL.
            foreach (var revoked in decision.Events.OfType<TokenRevoked>()) tokens.Forget(revoked.TokenId);
        }
        return (decision, stream.Aggregate);
    }

    /// <summary>A hash of no one's password, checked when an email has no account.</summary>
    private string Decoy => _decoy.Value;
    private readonly Lazy<string> _decoy = new(() => passwords.Hash(Guid.NewGuid().ToString()));
}
