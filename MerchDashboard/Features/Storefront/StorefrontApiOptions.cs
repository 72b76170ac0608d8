using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Storefront;

/// <summary>Bound from <c>StorefrontApi</c>: per-key rate limits and list sizes.</summary>
public sealed class StorefrontApiOptions
{
    public const string Section = "StorefrontApi";

    /// <summary>Requests each API key may make per window; past it, 429. Benchmarks set it very high.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    [Range(1, 20)]
    public int MaxLimit { get; set; } = 20;

    /// <summary>Most events one POST may carry.</summary>
    [Range(1, 10_000)]
    public int MaxEventsPerRequest { get; set; } = 500;
}
