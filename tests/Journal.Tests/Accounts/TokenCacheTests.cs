using Journal.Accounts;
using Journal.Http.Security;

namespace Journal.Tests.Accounts;

/// <summary>The rules of a node's token cache: it never holds a token that a heard revocation may have touched.</summary>
public sealed class TokenCacheTests
{
    private readonly TestClock _clock = new() { Now = TestClock.Default };
    private readonly AccessToken _token = new() { Id = "hash", AccountId = Guid.NewGuid(), TokenId = Guid.NewGuid(), Scopes = ["notebooks:read"] };

    private TokenCache Listening()
    {
        var cache = new TokenCache(_clock);
        cache.Listening(true);
        return cache;
    }

    [Fact]
    public void A_token_found_live_is_kept_for_its_lifetime_and_no_longer()
    {
        var cache = Listening();
        cache.Remember("hash", _token, cache.Generation);
        Assert.True(cache.TryGet("hash", out var kept));
        Assert.Same(_token, kept);

        _clock.Now += TokenCache.Lifetime;
        Assert.False(cache.TryGet("hash", out _));
    }

    [Fact]
    public void Nothing_is_kept_while_revocations_are_not_heard()
    {
        var cache = new TokenCache(_clock);
        cache.Remember("hash", _token, cache.Generation);
        Assert.False(cache.TryGet("hash", out _));
    }

    [Fact]
    public void A_revoked_token_is_forgotten_and_other_tokens_stay()
    {
        var cache = Listening();
        var other = new AccessToken { Id = "other", AccountId = _token.AccountId, TokenId = Guid.NewGuid() };
        cache.Remember("hash", _token, cache.Generation);
        cache.Remember("other", other, cache.Generation);

        cache.Forget(_token.TokenId);

        Assert.False(cache.TryGet("hash", out _));
        Assert.True(cache.TryGet("other", out _));
    }

    [Fact]
    public void A_lookup_begun_before_a_revocation_was_heard_is_not_kept()
    {
        var cache = Listening();
        var begun = cache.Generation;
        cache.Forget(Guid.NewGuid()); // any revocation: the lookup may have read from before its commit

        cache.Remember("hash", _token, begun);

        Assert.False(cache.TryGet("hash", out _));
    }

    [Fact]
    public void Losing_the_channel_forgets_everything_and_so_does_getting_it_back()
    {
        var cache = Listening();
        cache.Remember("hash", _token, cache.Generation);
        var begun = cache.Generation;

        cache.Listening(false);
        Assert.False(cache.TryGet("hash", out _));
        cache.Listening(true);

        cache.Remember("hash", _token, begun); // read while revocations went unheard
        Assert.False(cache.TryGet("hash", out _));
    }

    [Fact]
    public void A_full_cache_makes_room_only_by_dropping_expired_tokens()
    {
        var cache = Listening();
        for (var i = 0; i < TokenCache.Capacity; i++)
            cache.Remember($"t{i}", new AccessToken { Id = $"t{i}", TokenId = Guid.NewGuid() }, cache.Generation);

        cache.Remember("hash", _token, cache.Generation);
        Assert.False(cache.TryGet("hash", out _));

        _clock.Now += TokenCache.Lifetime;
        cache.Remember("hash", _token, cache.Generation);
        Assert.True(cache.TryGet("hash", out _));
    }
}
