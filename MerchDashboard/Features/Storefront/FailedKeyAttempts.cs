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

    public bool IsExhausted(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits is 0;

    public void Record(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
