namespace Journal.Accounts;

/// <summary>Password hashing, kept out of the deciders (it is salted, so not a pure function).</summary>
public interface IPasswords
{
    string Hash(string password);

    bool Verify(string hash, string password);
}
