using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Serving;

/// <summary>Bound from <c>ShopperProfiles</c>: how much memory the storefront's built shopper profiles may hold.</summary>
public sealed class ShopperProfileOptions
{
    public const string Section = "ShopperProfiles";

    /// <summary>
    /// Megabytes of built profiles kept between requests (by <see Cref="Engine.Personalization.ShopperProfile.EstimatedBytes"/>).
    /// Past it the least recently used profiles are dropped and rebuilt from the snapshot's purchases when their
    /// shopper returns, which costs that request the profile's build time; memory stays within the budget.
    /// </summary>
    [Range(1, 1_048_576)]
    public int MemoryBudgetMB { get; set; } = 256;

    /// <summary>
    /// Whether a new snapshot or served instant starts building every known customer's profile in the background, so a
    /// shopper's first request finds it built instead of waiting for the build. Stops at <see cref="WarmBudgetShare"/>
    /// of <see cref="MemoryBudgetMB"/>; the customers beyond are built on their first request, as without warming.
    /// </summary>
    public bool WarmOnNewSnapshot { get; set; } = true;

    /// <summary>The share of <see cref="MemoryBudgetMB"/> that warming fills at most, leaving room for the profiles requests build.</summary>
    [Range(0.05, 1.0)]
    public double WarmBudgetShare { get; set; } = 0.9;
}
