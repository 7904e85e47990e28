using Journal.Notebooks;

namespace Journal.Accounts.Deciders;

public static class RevokeTokenDecider
{
    public static Decision Decide(Account account, Guid tokenId) =>
        account.Tokens.Any(t => t.Id == tokenId)
            ? Decision.Accept(new TokenRevoked(tokenId))
            : Decision.Refuse(AccountRefusals.NoToken(tokenId));
}
