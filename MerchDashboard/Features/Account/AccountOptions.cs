using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Account;

/// <summary>Bound from <c>Accounts</c>: how fast account changes reach open sessions, and sign-in throttling.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How often an open circuit checks that its user still exists, is enabled and has the same security stamp.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins one client address may make per <see cref="SignInWindow"/>; past it, sign-in is refused from that address.</summary>
    [Range(1, 10_000)]
    public int FailedSignInsPerAddress { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed sign-ins (from anywhere) after which an account is locked for browsers it has not signed in from before.</summary>
    [Range(1, 1000)]
    public int AccountLockoutThreshold { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a browser that signed in successfully stays trusted, which exempts it from the account lockout.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan TrustedBrowserFor { get; set; } = TimeSpan.FromDays(30);
}
