using Journal.Accounts.Rules;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Rules;

namespace Journal.Accounts.Deciders;

public static class RegisterAccountDecider
{
    public const int DisplayNameLength = 100;

    /// <param name="open">Whether this instance takes new accounts now.</param>
    /// <param name="taken">Whether the (normalised) email already has an account.</param>
    public static Decision Decide(RegisterAccount? command, bool open, Func<string, bool> taken, Guid id, IPasswords passwords)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        if (!open) return Decision.Refuse(AccountRefusals.Closed());
        var fields = new FieldRules();
        var email = Emails.Check(fields, "email", command.Email);
        var password = Passwords.Check(fields, "password", command.Password, email);
        var displayName = fields.Line("displayName", command.DisplayName, DisplayNameLength, required: false);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        if (taken(email!)) return Decision.Refuse(AccountRefusals.Taken(email!));
        return Decision.Accept(new AccountRegistered(id, email!, displayName ?? email![..email!.IndexOf('@', StringComparison.Ordinal)], passwords.Hash(password!)));
    }
}
