using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Journal.Http.Security;

/// <summary>Personal access tokens: "jnl_" and 43 characters of base64url (256 random bits). Only their SHA-256 is kept.</summary>
public static class TokenSecrets
{
    public const string Prefix = "jnl_";
    public const int Length = 47;

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Only something shaped like a token is looked up: no megabyte is hashed, no odd text reaches the database.</summary>
    public static bool LooksLikeToken(string token) =>
        token.Length == Length && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    private static readonly SearchValues<char> Base64UrlCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>An unguessable share-link slug: 128 random bits, 22 characters of base64url.</summary>
    public static string NewSlug() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
