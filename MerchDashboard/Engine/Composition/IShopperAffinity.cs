using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// The personalization seam of the composer: how much a given shopper is drawn to a product, and why.
/// An anonymous shopper has no affinity object at all (null), so lists are ranked by complement strength alone.
/// </summary>
public interface IShopperAffinity
{
    /// <summary>Who this is, for explanations and logs ("customer C000123", "persona: gamer").</summary>
    string ShopperLabel { get; }

    /// <summary>Affinity in [0, 1]; 0 when nothing is known about the shopper and this product.</summary>
    double AffinityFor(ProductInfo product);

    /// <summary>A short human reason such as "because you bought Canon EOS R50", or null when there is none.</summary>
    string? ReasonFor(ProductInfo product);
}
