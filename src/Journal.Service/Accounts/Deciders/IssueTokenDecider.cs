using Journal.Accounts.Rules;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Rules;

namespace Journal.Accounts.Deciders;

public static class IssueTokenDecider
{
    public const int NameLength = 100;
    public const int MaxTokens = 100;

    public static Decision Decide(CreateToken? command, Account account, Guid tokenId, string tokenHash)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        var name = fields.Line("name", command.Name, NameLength, required: true);
        var scopes = Scopes.Check(fields, "scopes", command.Scopes);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (account.Tokens.Count >= MaxTokens)
            return Decision.Refuse(new Refusal(RefusalKind.Conflict, AccountRefusals.TooManyTokens, "Too many tokens",
                $"An account holds at most {MaxTokens} tokens; revoke one you no longer use."));
        return Decision.Accept(new TokenIssued(tokenId, name!, scopes, tokenHash));
    }
}
