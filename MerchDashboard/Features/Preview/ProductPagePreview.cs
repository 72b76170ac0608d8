using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Preview;

/// <summary>Everything one shopper would see on one product page at one instant.</summary>
public sealed record ProductPagePreview(
    ProductInfo Product,
    string CategoryName,
    PreviewShopper Shopper,
    DateTime AsOf,
    ComposedList FrequentlyBoughtWith,
    int LockedSlots,
    BundleView? Bundle,
    bool HasMiningRun,
    IReadOnlyList<Recommendation> RecommendedForYou)
{
    public bool IsLocked => FrequentlyBoughtWith.Mode == CurationMode.Locked;
}

/// <summary>
/// Builds product-page previews through <see cref="RecommendationService"/>, so they are what the storefront gets;
/// "recommended for you" leaves out the product on the page itself.
/// </summary>
public sealed class ProductPagePreviewer(StoreSnapshotService snapshots, RecommendationService recommendations)
{
    public ProductPagePreview? Preview(int productId, PreviewShopper shopper, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        var snapshot = snapshots.Current;
        if (snapshot.Product(productId) is not { } product)
        {
            return null;
        }
        var list = recommendations.Compose(productId, shopper.Profile, asOf);
        return new ProductPagePreview(
            product,
            snapshot.Catalog.CategoryName(product.CategoryId),
            shopper,
            asOf,
            list,
            snapshot.CurationFor(productId).State.LockedSlots(list.Slots.Count),
            recommendations.Bundle(productId),
            snapshot.MiningRun is not null,
            [.. recommendations.RecommendFor(shopper.Profile, recommendations.DefaultSlots + 1).Where(r => r.Product.Id != productId)
                .Take(recommendations.DefaultSlots)]);
    }

    public ProductInfo? ProductBySku(string sku) => snapshots.Current.ProductBySku(sku);
}

/// <summary>How a list's curation mode reads on the page.</summary>
public static class CurationModeText
{
    public static string Of(CurationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Mode switch
        {
            CurationMode.Locked => "locked",
            CurationMode.LockedTopN => $"top {state.LockedTopN} locked",
            CurationMode.Curated => "curated",
            _ => "auto",
        };
    }
}

/// <summary>Where two shoppers' lists for one product differ.</summary>
public static class PreviewComparison
{
    /// <summary>The 1-based positions whose product differs, a slot missing on one side included.</summary>
    public static IReadOnlySet<int> DifferingPositions(ComposedList left, ComposedList right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var differing = new HashSet<int>();
        for (var i = 0; i < Math.Max(left.Slots.Count, right.Slots.Count); i++)
        {
            if (i >= left.Slots.Count || i >= right.Slots.Count || left.Slots[i].Product.Id != right.Slots[i].Product.Id)
            {
                differing.Add(i + 1);
            }
        }
        return differing;
    }
}
