using System.Diagnostics;
using System.Net;
using Journal.Accounts;
using Journal.Accounts.Deciders;
using Journal.Http;
using Journal.Http.Security;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Cluster;

/// <summary>
/// Each node keeps the tokens it found live (no lookup per request); a revocation made through one node reaches every
/// other node's cache through PostgreSQL's LISTEN/NOTIFY as it commits.
/// </summary>
[Collection(InProcessCluster.Name)]
public sealed class TokenRevocationTests(JournalHost fixture) : InProcessNodes(fixture, 2)
{
    [Fact]
    public async Task A_token_revoked_through_one_node_is_refused_by_another_that_had_it_cached()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = Nodes[0].Server.CreateClient();
        await ClusterSupport.SignUpAsync(first);
        var token = first.DefaultRequestHeaders.Authorization!.Parameter!;
        using var second = Nodes[1].Server.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
        var cache = Nodes[1].Services.GetRequiredService<TokenCache>();
        await Until(() => cache.IsListening, TimeSpan.FromSeconds(10), "the second node never listened for revocations");

        (await second.GetAsync("/api/notebooks", ct)).EnsureSuccessStatusCode();
        Assert.True(cache.TryGet(TokenSecrets.Hash(token), out _), "the second node did not keep the token it found live");

        // Revoked through the first node's write path, as its tokens page and DELETE /api/tokens/{id} do (both take the cookie).
        AccessToken access;
        await using (var session = Nodes[0].Services.GetRequiredService<IDocumentStore>().QuerySession())
            access = (await session.LoadAsync<AccessToken>(TokenSecrets.Hash(token), ct))!;
        var (revoked, _) = await Nodes[0].Services.GetRequiredService<AccountCommands>()
            .Apply(access.AccountId, (account, _) => RevokeTokenDecider.Decide(account, access.TokenId), ct);
        Assert.Null(revoked.Refusal);

        var heard = await Until(() => !cache.TryGet(TokenSecrets.Hash(token), out _), TimeSpan.FromSeconds(5), "the second node kept the revoked token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/notebooks", ct)).StatusCode);
        Assert.True(heard < TimeSpan.FromSeconds(1), $"the revocation reached the second node after {heard.TotalMilliseconds:F0} ms");
    }

    private static async Task<TimeSpan> Until(Func<bool> condition, TimeSpan limit, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) Assert.Fail(failure);
            await Task.Delay(5);
        }
        return clock.Elapsed;
    }
}
