using System.Threading.RateLimiting;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The global limiter: <paramref name="publishable"/> (the per-address windows of <see cref="PublishableRateLimits"/>) for
/// publishable keys' requests, and a granted lease for every other request without asking it, which would look up
/// its one unlimited partition under the partitioned limiter's lock on every request (docs/benchmarks.md). Other
/// keys' limits are their per-key policy's.
/// </summary>
public sealed class PublishableRequestsLimiter(PartitionedRateLimiter<HttpContext> publishable) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => publishable.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        IsPublishable(resource) ? publishable.AttemptAcquire(resource, permitCount) : GrantedLease.Instance;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        IsPublishable(resource) ? publishable.AcquireAsync(resource, permitCount, cancellationToken) : ValueTask.FromResult<RateLimitLease>(GrantedLease.Instance);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publishable.Dispose();
        }
        base.Dispose(disposing);
    }

    private static bool IsPublishable(HttpContext context) => context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Publishable);

    private sealed class GrantedLease : RateLimitLease
    {
        public static readonly GrantedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
