using Journal.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Journal.Http.Security;

/// <summary>Passwords hashed and checked by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).</summary>
public sealed class IdentityPasswords(IPasswordHasher<Account> hasher) : IPasswords
{
    private static readonly Account Nobody = new();

    public string Hash(string password) => hasher.HashPassword(Nobody, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(Nobody, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
