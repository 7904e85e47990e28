using Journal.Accounts.Rules;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Rules;

namespace Journal.Accounts.Deciders;

public static class ChangePasswordDecider
{
    public static Decision Decide(ChangePassword? command, Account account, IPasswords passwords)
    {
        if (command is null) return Decision.Refuse(Refusals.MissingBody());
        var fields = new FieldRules();
        if (string.IsNullOrEmpty(command.CurrentPassword) || !passwords.Verify(account.PasswordHash, command.CurrentPassword))
            fields.Fail("currentPassword", "currentPassword is not this account's password.");
        var password = Passwords.Check(fields, "newPassword", command.NewPassword, account.Email);
        if (fields.Refusal() is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new PasswordChanged(passwords.Hash(password!)));
    }
}
