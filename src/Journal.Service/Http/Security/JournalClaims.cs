namespace Journal.Http.Security;

/// <summary>The claims a signed-in request carries. The account's id is also the tenant of its notebooks.</summary>
public static class JournalClaims
{
    public const string Account = "account";
    public const string Name = "name";
    public const string Scope = "scope";
    public const string Token = "token";
    public const string CredentialVersion = "credential_version";

    /// <summary>How the request signed in: "cookie", "token" or "basic".</summary>
    public const string Method = "auth_method";
}
