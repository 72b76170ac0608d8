using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Serving;

/// <summary>A bundle ready to show: the anchor and its companions, and what they cost together.</summary>
public sealed record BundleView(ProductInfo Anchor, IReadOnlyList<ProductInfo> Items, int Count, double Support, decimal TotalPrice);

/// <summary>
/// The one place the storefront API, the shopper preview and the curation editor get their lists:
/// every frequently-bought-with list is the composer's, over the current snapshot.
/// </summary>
public sealed class RecommendationService(StoreSnapshotService snapshots, TimeProvider time)
{
    /// <summary>Slots when nothing else says: the mining settings' list size decides once a run exists.</summary>
    public const int FallbackSlots = 6;

    public int DefaultSlots => DefaultSlotsOf(snapshots.Current);

    public static int DefaultSlotsOf(StoreSnapshot snapshot) => snapshot.MiningRun?.Settings.ListSize ?? FallbackSlots;

    public ComposedList Compose(int anchorProductId, IShopperAffinity? shopper = null, DateTime? asOf = null, int? slots = null) =>
        Compose(snapshots.Current, anchorProductId, shopper, asOf ?? time.GetUtcNow().UtcDateTime, slots ?? DefaultSlots);

    public static ComposedList Compose(StoreSnapshot snapshot, int anchorProductId, IShopperAffinity? shopper, DateTime asOf, int slots) =>
        snapshot.Compose(anchorProductId, asOf, slots, shopper);

    /// <summary>The best bundle of the anchor whose items are all available, or null.</summary>
    public BundleView? Bundle(int anchorProductId)
    {
        var snapshot = snapshots.Current;
        if (snapshot.Product(anchorProductId) is not { } anchor)
        {
            return null;
        }
        foreach (var bundle in snapshot.BundlesFor(anchorProductId))
        {
            var items = bundle.ProductIds.Select(snapshot.Product).ToList();
            if (items.All(p => p is { IsAvailable: true }))
            {
                var products = items.Select(p => p!).ToList();
                return new BundleView(anchor, products, bundle.Count, bundle.Support, anchor.Price + products.Sum(p => p.Price));
            }
        }
        return null;
    }

    /// <summary>A real customer's profile from their purchases up to the as-of time, or null for an unknown customer.</summary>
    public ShopperProfile? CustomerProfile(string externalId, DateTime? asOf = null) =>
        CustomerProfile(snapshots.Current, externalId, asOf ?? time.GetUtcNow().UtcDateTime);

    public static ShopperProfile? CustomerProfile(StoreSnapshot snapshot, string externalId, DateTime asOf)
    {
        if (!snapshot.CustomerIdsByExternalId.TryGetValue(externalId, out var id))
        {
            return null;
        }
        var history = snapshot.PurchasesByCustomer.TryGetValue(id, out var purchases) ? purchases : [];
        return ShopperProfileBuilder.Build($"customer {externalId}", history, asOf, snapshot.Personalization);
    }

    /// <summary>"Recommended for you": personalized, or best sellers for a shopper without history.</summary>
    public IReadOnlyList<Recommendation> RecommendFor(ShopperProfile? profile, int? count = null)
    {
        var model = snapshots.Current.Personalization;
        return PersonalRecommender.Recommend(profile ?? ShopperProfileBuilder.Empty(model), model, count ?? DefaultSlots);
    }
}
