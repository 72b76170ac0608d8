using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Account;

/// <summary>
/// What stops password guessing without letting a stranger lock anyone out: failed sign-ins are limited
/// per client address (<see cref="AccountOptions.FailedSignInsPerAddress"/> per window), and the account
/// lockout does not apply to a browser the user has signed in from before (a protected "trusted browser"
/// cookie), so guessing from elsewhere can lock an account only for browsers it has never used.
/// </summary>
public sealed class SignInGuard(IOptions<AccountOptions> options, IDataProtectionProvider protection, TimeProvider time) : IDisposable
{
    public const string TrustedBrowserCookie = "merch.browser";

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedSignInsPerAddress,
            Window = options.Value.SignInWindow,
            QueueLimit = 0,
        }));

    private readonly IDataProtector _protector = protection.CreateProtector("MerchDashboard.TrustedBrowser");

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether this address used up its failed sign-ins for the current window.</summary>
    public bool IsThrottled(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits is 0;

    public void RecordFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public bool IsTrustedBrowser(HttpContext context, string userId)
    {
        if (!context.Request.Cookies.TryGetValue(TrustedBrowserCookie, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }
        try
        {
            var parts = _protector.Unprotect(cookie).Split('|');
            return parts.Length == 2 && parts[0] == userId
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
                && until > time.GetUtcNow().UtcTicks;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void TrustBrowser(HttpContext context, string userId)
    {
        var until = time.GetUtcNow() + options.Value.TrustedBrowserFor;
        var value = _protector.Protect($"{userId}|{until.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        context.Response.Cookies.Append(TrustedBrowserCookie, value, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Expires = until, IsEssential = true,
        });
    }

    public void Dispose() => _failures.Dispose();
}
