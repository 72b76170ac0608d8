using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Bound from <c>PublishableKeys</c>: the budgets of keys that live in shoppers' browsers. A publishable key's
/// requests are counted per visitor (its <c>visitorId</c>, else the client address) and, across visitors, per
/// client address, so rotating visitor ids from one address does not lift the limit; past either, 429.
/// </summary>
public sealed class PublishableKeyOptions
{
    public const string Section = "PublishableKeys";

    /// <summary>Requests one visitor may make with one publishable key per window: a product page costs one list and two event posts.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimitPerVisitor { get; set; } = 60;

    /// <summary>Requests one client address may make with one publishable key per window, whatever visitor ids it sends (shops behind one NAT share it).</summary>
    [Range(1, 10_000_000)]
    public int PermitLimitPerAddress { get; set; } = 1_200;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Most origins one publishable key may allow; more are refused when the key is created.</summary>
    [Range(1, 20)]
    public int MaxOrigins { get; set; } = 10;

    /// <summary>How long a browser may reuse an answered CORS preflight.</summary>
    [Range(0, 86_400)]
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
