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
}
