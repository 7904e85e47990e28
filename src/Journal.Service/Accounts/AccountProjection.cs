using JasperFx.Events;
using Journal.Accounts.Rules;
using Journal.Notebooks.Progress;
using Marten.Events.Aggregation;

namespace Journal.Accounts;

/// <summary>Folds an account's events into its <see cref="Account"/>, inline, in the command's transaction.</summary>
public sealed class AccountProjection : SingleStreamProjection<Account, Guid>
{
    public AccountProjection()
    {
        foreach (var type in AccountEvents.Names.Keys) IncludeType(type);
    }

    public override Account? Evolve(Account? snapshot, Guid id, IEvent e) => After(snapshot, e);

    public static Account? After(Account? a, IEvent e)
    {
        var at = EventTimes.Of(e);
        if (e.Data is AccountRegistered registered)
            a = new Account
            {
                Id = registered.AccountId, Email = registered.Email, DisplayName = registered.DisplayName,
                PasswordHash = registered.PasswordHash, RegisteredAt = at,
            };
        else if (a is null) return null;
        switch (e.Data)
        {
            case AccountRegistered or NotebooksClaimed:
                break;
            case PasswordChanged changed:
                (a.PasswordHash, a.CredentialVersion) = (changed.PasswordHash, a.CredentialVersion + 1);
                break;
            case DisplayNameChanged named:
                a.DisplayName = named.DisplayName;
                break;
            case TokenIssued issued:
                a.Tokens.Add(new AccountToken(issued.TokenId, issued.Name, issued.Scopes, at));
                break;
            case TokenRevoked revoked:
                a.Tokens.RemoveAll(t => t.Id == revoked.TokenId);
                break;
            case ShareLinkCreated shared:
                a.ShareLinks.Add(new AccountShareLink(shared.NotebookId, shared.Slug, at));
                break;
            case ShareLinkRevoked unshared:
                a.ShareLinks.RemoveAll(s => s.Slug == unshared.Slug);
                break;
            case SignedIn:
                (a.FailedSignIns, a.LockedUntil) = (0, null);
                break;
            case SignInFailed failed:
                a.FailedSignIns++;
                a.LockedUntil = Lockout.Until(a.FailedSignIns, failed.At);
                break;
            default:
                throw new InvalidOperationException($"{e.Data.GetType().Name} is not folded into an account: add it to {nameof(AccountProjection)}.");
        }
        a.Version = e.Version;
        return a;
    }
}
