using System.Collections.Concurrent;
using Journal.Accounts;

namespace Journal.Http.Security;

/// <summary>
/// The tokens this node found live, so a request signed in with a token costs no database round trip. It holds a
/// token only while TokenRevocations (Hosting) listens for revocations (every node hears every revocation the
/// moment its transaction commits), and at most <see cref="Lifetime"/> even then.
/// </summary>
/// <remarks>
/// A lookup that started before a revocation was heard may have read the token from before the revocation's commit;
/// <see cref="Generation"/> keeps it out: a token is remembered only if nothing was forgotten since its lookup began.
/// </remarks>
public sealed class TokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (AccessToken Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;
    private bool _listening;

    public bool IsListening => Volatile.Read(ref _listening);

    /// <summary>Read before a lookup, handed to <see cref="Remember"/> after it.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public bool TryGet(string hash, out AccessToken token)
    {
        if (_tokens.TryGetValue(hash, out var kept) && kept.Until > clock.GetUtcNow())
        {
            token = kept.Token;
            return true;
        }
        token = null!;
        return false;
    }

    /// <summary>Keeps a token found live by a lookup that began at <paramref name="generation"/>, if no revocation came since.</summary>
    public void Remember(string hash, AccessToken token, long generation)
    {
        lock (_gate)
        {
            if (!_listening || generation != _generation) return;
            if (_tokens.Count >= Capacity) Trim();
            if (_tokens.Count >= Capacity) return;
            _tokens[hash] = (token, clock.GetUtcNow() + Lifetime);
        }
    }

    /// <summary>A token was revoked: forgotten here, and no lookup already under way may bring it back.</summary>
    public void Forget(Guid tokenId)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var (hash, kept) in _tokens)
                if (kept.Token.TokenId == tokenId) _tokens.TryRemove(hash, out _);
        }
    }

    /// <summary>
    /// Whether revocations are heard. Either way everything is forgotten: revocations may have been missed while not
    /// listening, and a lookup begun before listening started may have read a token revoked before then.
    /// </summary>
    public void Listening(bool listening)
    {
        lock (_gate)
        {
            _listening = listening;
            _generation++;
            _tokens.Clear();
        }
    }

    /// <summary>Drops expired tokens, once the cache is full.</summary>
    private void Trim()
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, kept) in _tokens)
            if (kept.Until <= now) _tokens.TryRemove(hash, out _);
    }
}
