namespace Journal.Accounts;

public enum Registration { Open, Closed }

/// <summary><c>Journal:Accounts</c>: who may sign up.</summary>
public sealed class AccountOptions
{
    /// <summary>Open or Closed; unset, registration is open until the first account (the owner) exists.</summary>
    public Registration? Registration { get; set; }

    public bool IsOpen(bool noAccountYet) => Registration switch
    {
        Accounts.Registration.Open => true,
        Accounts.Registration.Closed => false,
        _ => noAccountYet,
    };
}
