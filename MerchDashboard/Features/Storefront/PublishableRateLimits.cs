using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Rate limit partitions of publishable keys (<see cref="PublishableKeyOptions"/>): one window per key and
/// visitor (the <c>visitorId</c> query parameter or <c>X-Visitor-Id</c> header, else the client address), and
/// a wider one per key and client address. Other keys keep their per-key window. A refusal says which limit
/// ran out (<see cref="PublishableLimit"/> on the lease), so the 429 can name it.
/// </summary>
public static class PublishableRateLimits
{
    private const int MaxVisitorIdLength = 64;

    /// <summary>The lease metadata of a refused publishable request: the limit that refused it.</summary>
    public static readonly MetadataName<PublishableLimit> LimitMetadata = MetadataName.Create<PublishableLimit>("publishable-limit");

    /// <summary>The per-visitor partition of a publishable key's request; no limit for anything else.</summary>
    public static RateLimitPartition<string> PerVisitor(HttpContext context)
    {
        if (!IsPublishable(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var options = context.RequestServices.GetRequiredService<IOptions<PublishableKeyOptions>>().Value;
        var visitor = VisitorOf(context) is { } id ? "visitor:" + id : "address:" + AddressOf(context);
        return Window($"{KeyOf(context)}|{visitor}", new PublishableLimit(PublishableLimit.PerVisitor, options.PermitLimitPerVisitor, options.WindowSeconds));
    }

    /// <summary>The per-address partition of a publishable key's request; no limit for anything else.</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context)
    {
        if (!IsPublishable(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var options = context.RequestServices.GetRequiredService<IOptions<PublishableKeyOptions>>().Value;
        return Window($"{KeyOf(context)}|{AddressOf(context)}", new PublishableLimit(PublishableLimit.PerAddress, options.PermitLimitPerAddress, options.WindowSeconds));
    }

    private static bool IsPublishable(HttpContext context) => context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Publishable);

    private static string KeyOf(HttpContext context) => context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "";

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? VisitorOf(HttpContext context)
    {
        string? id = context.Request.Query["visitorId"];
        id ??= context.Request.Headers[PublishableCorsMiddleware.VisitorHeader];
        return string.IsNullOrWhiteSpace(id) || id.Length > MaxVisitorIdLength ? null : id;
    }

    /// <summary>A fixed window like <see cref="RateLimitPartition.GetFixedWindowLimiter{TKey}"/>'s (replenished by the partitioned limiter's timer), whose refusals name <paramref name="limit"/>.</summary>
    private static RateLimitPartition<string> Window(string partition, PublishableLimit limit) =>
        RateLimitPartition.Get(partition, _ => new DescribedWindow(new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0, AutoReplenishment = false,
        }), limit));

    private sealed class DescribedWindow(FixedWindowRateLimiter inner, PublishableLimit limit) : ReplenishingRateLimiter
    {
        public override TimeSpan? IdleDuration => inner.IdleDuration;
        public override bool IsAutoReplenishing => inner.IsAutoReplenishing;
        public override TimeSpan ReplenishmentPeriod => inner.ReplenishmentPeriod;

        public override bool TryReplenish() => inner.TryReplenish();

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Describe(inner.AttemptAcquire(permitCount));

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            Describe(await inner.AcquireAsync(permitCount, cancellationToken));

        private RateLimitLease Describe(RateLimitLease lease) => lease.IsAcquired ? lease : new RefusedLease(lease, limit);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await inner.DisposeAsync();
            await base.DisposeAsyncCore();
        }
    }

    private sealed class RefusedLease(RateLimitLease inner, PublishableLimit limit) : RateLimitLease
    {
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(LimitMetadata.Name);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == LimitMetadata.Name)
            {
                metadata = limit;
                return true;
            }
            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>One publishable-key limit: <see cref="Scope"/> is <see cref="PerVisitor"/> or <see cref="PerAddress"/>.</summary>
public sealed record PublishableLimit(string Scope, int PermitLimit, int WindowSeconds)
{
    public const string PerVisitor = "per-visitor";
    public const string PerAddress = "per-address";

    public string OptionName => Scope == PerVisitor ? "PublishableKeys:PermitLimitPerVisitor" : "PublishableKeys:PermitLimitPerAddress";
}
