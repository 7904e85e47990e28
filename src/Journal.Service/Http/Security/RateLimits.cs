using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Journal.Http.Security;

/// <summary><c>Journal:RateLimits</c>: requests per minute per credential (token or sign-in cookie) on the API, and sign-in attempts per minute per client address. 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public int ApiPerMinute { get; set; } = 1_200;
    public int ApiBurst { get; set; } = 200;
    public int SignInPerMinute { get; set; } = 20;
}

/// <summary>
/// ASP.NET Core's rate limiter: a token bucket per credential for the API, a window per client address for
/// sign-in and sign-up. Counters live in each node's memory (docs/security.md). Refusals are 429 problem details with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Api = "api";
    public const string SignIn = "sign-in";

    public static WebApplicationBuilder AddJournalRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("Journal:RateLimits"));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Api, context =>
            {
                var limits = Limits(context);
                var who = Credential(context);
                return limits.ApiPerMinute <= 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    // The bucket fills at ApiPerMinute a minute, continuously (a partitioned limiter adds the fraction of
                    // a period that has passed), so every rate holds as set; a whole token a second made any under 60 be 60.
                    : RateLimitPartition.GetTokenBucketLimiter(who, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(1, limits.ApiBurst),
                        TokensPerPeriod = limits.ApiPerMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            o.AddPolicy(SignIn, context =>
            {
                var perMinute = Limits(context).SignInPerMinute;
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            o.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<JournalMetrics>().RateLimited(
                    context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unknown");
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiChallenges.Write(context, ProblemTypes.Problem(StatusCodes.Status429TooManyRequests, ApiChallenges.TooManyRequests,
                    "Too many requests", $"Too many requests in a short time; retry in {seconds} seconds.")));
            };
        });
        return builder;
    }

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The limiter runs before authentication (a flood must not cost a password check or a token lookup each), so the
    /// API's buckets are per credential presented: the Authorization header or the session cookie (hashed), else the address.
    /// </summary>
    private static string Credential(HttpContext context)
    {
        var request = context.Request;
        var presented = request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : request.Cookies[JournalSecurity.SessionCookie];
        return presented is { Length: > 0 } ? TokenSecrets.Hash(presented) : Address(context);
    }
}
