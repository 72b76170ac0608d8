using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Preview;

/// <summary>A customer's past order as the cart preview offers it: the products of the lines placed at one instant.</summary>
public sealed record PastOrder(DateTime At, IReadOnlyList<ProductInfo> Products);

/// <summary>The cart preview's reads over the current snapshot: the same cart composition the storefront API serves.</summary>
public static class CartPreview
{
    /// <summary>Past orders offered to start a cart from, latest first.</summary>
    public const int PastOrdersShown = 10;

    public static CartComposition Compose(StoreSnapshot snapshot, IReadOnlyList<ProductInfo> cart, PreviewShopper? shopper, DateTime asOf) =>
        CartRecommendations.Compose(snapshot, [.. cart.Select(p => p.Id)], shopper?.Profile, asOf, RecommendationService.DefaultSlotsOf(snapshot));

    /// <summary>The customer's orders up to the as-of time (lines that share their order time), latest first.</summary>
    public static IReadOnlyList<PastOrder> PastOrders(StoreSnapshot snapshot, string externalId, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.CustomerIdsByExternalId.TryGetValue(externalId, out var id) || !snapshot.PurchasesByCustomer.TryGetValue(id, out var purchases))
        {
            return [];
        }
        return [.. purchases.Where(p => p.At <= asOf).GroupBy(p => p.At).OrderByDescending(g => g.Key).Take(PastOrdersShown)
            .Select(g => new PastOrder(g.Key, [.. g.Select(p => p.ProductId).Distinct().Select(snapshot.Product).OfType<ProductInfo>()]))];
    }

    /// <summary>Positions whose product differs between the two carts' lists (a missing slot differs too).</summary>
    public static IReadOnlySet<int> DifferingPositions(CartComposition? a, CartComposition? b)
    {
        if (a is null || b is null)
        {
            return new HashSet<int>();
        }
        var count = Math.Max(a.Slots.Count, b.Slots.Count);
        return Enumerable.Range(1, count)
            .Where(p => p > a.Slots.Count || p > b.Slots.Count || a.Slots[p - 1].Product.Id != b.Slots[p - 1].Product.Id).ToHashSet();
    }

    /// <summary>The product page's badges (locked, source, personalized) for a cart slot.</summary>
    public static IReadOnlyList<SlotBadge> Badges(CartSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var asProductSlot = new Slot(slot.Position, slot.Product, slot.Source, slot.PersonalizationMoved, slot.Explanation, slot.Pair);
        return SlotBadge.For(asProductSlot, slot.Locked ? slot.Position : 0);
    }
}
