using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Rate limit partitions of publishable keys (<see cref="PublishableKeyOptions"/>): one window per key and
/// visitor (the <c>visitorId</c> query parameter or <c>X-Visitor-Id</c> header, else the client address), and
/// a wider one per key and client address. Other keys keep their per-key window.
/// </summary>
public static class PublishableRateLimits
{
    private const int MaxVisitorIdLength = 64;

    /// <summary>The per-visitor partition of a publishable key's request, or null for other requests.</summary>
    public static RateLimitPartition<string>? PerVisitor(HttpContext context)
    {
        if (!IsPublishable(context))
        {
            return null;
        }
        var options = context.RequestServices.GetRequiredService<IOptions<PublishableKeyOptions>>().Value;
        var visitor = VisitorOf(context) is { } id ? "visitor:" + id : "address:" + AddressOf(context);
        return Window($"{KeyOf(context)}|{visitor}", options.PermitLimitPerVisitor, options.WindowSeconds);
    }

    /// <summary>The per-address partition of a publishable key's request; no limit for anything else.</summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context)
    {
        if (!IsPublishable(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var options = context.RequestServices.GetRequiredService<IOptions<PublishableKeyOptions>>().Value;
        return Window($"{KeyOf(context)}|{AddressOf(context)}", options.PermitLimitPerAddress, options.WindowSeconds);
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

    private static RateLimitPartition<string> Window(string partition, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0,
        });
}
