using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Failed API key attempts per client address: <see cref="StorefrontApiOptions.FailedKeyAttemptsPerAddress"/>
/// per <see cref="StorefrontApiOptions.WindowSeconds"/>. Past it, a key that is not already cached as valid
/// is refused with 429 before any database lookup, until the window ends; cached valid keys still pass, so
/// a storefront that shares an address with an attacker keeps working. Checked in the authentication
/// handler itself, since authentication fails before authorization and the per-key rate limiter run.
/// </summary>
public sealed class FailedKeyAttempts(IOptions<StorefrontApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedKeyAttemptsPerAddress,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
        }));

    public TimeSpan Window => TimeSpan.FromSeconds(options.Value.WindowSeconds);

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Lookups under way per address: each may still turn into a failure, so it holds one of the remaining
    // permits until it ends. Entries leave when their count returns to zero, so this holds at most one per
    // request in flight.
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a lookup of an uncached key from <paramref name="address"/>, or null when the failures already
    /// recorded plus the lookups under way use up the window's permits: concurrent attempts cannot overshoot
    /// the limit. Dispose the result when the lookup ends, after <see cref="Record"/> for a failure.
    /// </summary>
    public IDisposable? TryBegin(string address)
    {
        var underWay = _inFlight.AddOrUpdate(address, 1, (_, n) => n + 1);
        var available = _failures.GetStatistics(address)?.CurrentAvailablePermits ?? options.Value.FailedKeyAttemptsPerAddress;
        var attempt = new Attempt(this, address);
        if (available - (underWay - 1) > 0)
        {
            return attempt;
        }
        attempt.Dispose();
        return null;
    }

    private void End(string address)
    {
        while (_inFlight.TryGetValue(address, out var n))
        {
            if (n <= 1 ? _inFlight.TryRemove(new KeyValuePair<string, int>(address, n)) : _inFlight.TryUpdate(address, n - 1, n))
            {
                return;
            }
        }
    }

    private sealed class Attempt(FailedKeyAttempts owner, string address) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                owner.End(address);
            }
        }
    }

    public void Record(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
