using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Cart compositions over a snapshot: the one way the storefront API, the checkout preview and the offline
/// evaluation ask <see cref="CartComposer"/> for a cart, so all three show the same list.
/// </summary>
public static class CartRecommendations
{
    /// <summary>The cart's list; <c>prepared</c> gives the cart items' compositions up to the shopper as of <c>asOf</c> when the caller keeps them (see <see cref="CartStore.Prepared"/>).</summary>
    public static CartComposition Compose(StoreSnapshot snapshot, IReadOnlyList<int> cartProductIds, IShopperAffinity? shopper, DateTime asOf, int slots,
        Func<int, int, PreparedComposition>? prepared = null) =>
        CartComposer.Compose(new CartCompositionRequest(cartProductIds, slots, asOf, shopper), StoreOf(snapshot) with { Prepared = prepared });

    /// <summary>
    /// The snapshot as the cart composer reads it: mined lists, curation and bundles (itemsets of 3+) per product. One per
    /// snapshot, kept as long as the snapshot is; a product's itemsets are converted on first use (at most the snapshot's bundles).
    /// </summary>
    public static CartStore StoreOf(StoreSnapshot snapshot) => Stores.GetValue(snapshot, static snapshot =>
    {
        var itemsets = new ConcurrentDictionary<int, IReadOnlyList<MinedItemset>>();
        return new CartStore(
            snapshot.Catalog,
            snapshot.MinedFor,
            id => snapshot.CurationFor(id).State,
            id => itemsets.GetOrAdd(id, static (id, snapshot) =>
                [.. snapshot.BundlesFor(id).Select(b => new MinedItemset(b.ProductIds, b.Count, b.Score))], snapshot));
    });

    private static readonly ConditionalWeakTable<StoreSnapshot, CartStore> Stores = new();
}
