using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The storefront API's rate limits, one acquisition per request and no lock shared by every request: a publishable
/// key's request takes the per-address, then the per-visitor window (<see cref="PublishableRateLimits"/>, chained); any
/// other key's request takes its key's window (<see cref="StorefrontApiOptions.PermitLimit"/> requests per
/// <see cref="StorefrontApiOptions.WindowSeconds"/>), a <see cref="FixedWindowRateLimiter"/> created on the key's first
/// request and kept by the key's id (one per key that made a request, so at most the keys in the database). Requests
/// without an API key are not limited. The framework's rate limiting middleware looked up a partition under one lock
/// per request for the endpoint policy on top of the global limiter (docs/benchmarks.md).
/// </summary>
public sealed class StorefrontRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, FixedWindowRateLimiter> _perKey = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<HttpContext> _publishable = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(PublishableRateLimits.PerAddress),
        PartitionedRateLimiter.Create<HttpContext, string>(PublishableRateLimits.PerVisitor));
    private readonly FixedWindowRateLimiterOptions _perKeyWindow;

    public StorefrontRateLimiter(IOptions<StorefrontApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perKeyWindow = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit, Window = TimeSpan.FromSeconds(options.Value.WindowSeconds), QueueLimit = 0,
        };
    }

    /// <summary>The request's lease, or null for a request without an API key.</summary>
    public RateLimitLease? Acquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Publishable))
        {
            return _publishable.AttemptAcquire(context);
        }
        return user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId ? WindowOf(keyId).AttemptAcquire() : null;
    }

    private FixedWindowRateLimiter WindowOf(string keyId)
    {
        if (_perKey.TryGetValue(keyId, out var window))
        {
            return window;
        }
        // Created under the lock so a race never leaves a second limiter (and its replenishing timer) undisposed.
        lock (_perKey)
        {
            return _perKey.GetOrAdd(keyId, static (_, options) => new FixedWindowRateLimiter(options), _perKeyWindow);
        }
    }

    public void Dispose()
    {
        _publishable.Dispose();
        foreach (var window in _perKey.Values)
        {
            window.Dispose();
        }
    }
}

/// <summary>Applies <see cref="StorefrontRateLimiter"/> in the API's pipeline, after authorization; 429 by <see cref="RateLimitRejection"/>.</summary>
public sealed class StorefrontRateLimitMiddleware(RequestDelegate next, StorefrontRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }
        using var lease = limiter.Acquire(context);
        if (lease is { IsAcquired: false })
        {
            await RateLimitRejection.WriteAsync(context, lease);
            return;
        }
        await next(context);
    }
}
