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

    /// <summary>Largest request body under <c>/api</c>; a larger one gets 413 before it is read.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest SKU, customer id, recommendation id or other identifier the API accepts; longer ones get 400.</summary>
    [Range(8, 1024)]
    public int MaxIdLength { get; set; } = 64;

    /// <summary>Largest revenue one purchase event may report.</summary>
    [Range(typeof(decimal), "1", "1000000000")]
    public decimal MaxRevenue { get; set; } = 1_000_000m;

    /// <summary>Largest quantity one event may report.</summary>
    [Range(1, 1_000_000)]
    public int MaxQuantity { get; set; } = 10_000;

    /// <summary>Valid API keys kept in memory; past it the least recently used are evicted (invalid keys are never cached).</summary>
    [Range(1, 1_000_000)]
    public int KeyCacheEntries { get; set; } = 1_000;

    /// <summary>How long a valid key is served from memory: a revocation on another instance takes effect within it.</summary>
    [Range(1, 3600)]
    public int KeyCacheSeconds { get; set; } = 5;

    /// <summary>Invalid keys one client address may send per <see cref="WindowSeconds"/>; past it, 429 without a database lookup.</summary>
    [Range(1, 1_000_000)]
    public int FailedKeyAttemptsPerAddress { get; set; } = 20;

    /// <summary>Composed lists kept for the current minute; past it the least recently used are evicted.</summary>
    [Range(100, 10_000_000)]
    public int ServedListCacheEntries { get; set; } = 50_000;
}
