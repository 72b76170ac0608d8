using System.Globalization;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// PRODUCT.md's cart composition over the product-page <see cref="Composer"/>: each cart item's list is the
/// composer's, and the cart takes its candidates strongest first.
/// <list type="number">
/// <item>Locked: the locked slots of each cart item's list, in cart order, each list in its own order.</item>
/// <item>Bought together: each product of a mined itemset (three or more products) whose cart members,
/// two or more, form the antecedent; ranked by c = score / (highest such score), blended with the shopper's
/// affinity as on the product page (<see cref="CandidateRanking.Blend"/>); ties by count, then product id.</item>
/// <item>Item lists: the free slots of every cart item's list for the shopper (so already personalized), merged
/// by m(x) = sum over cart items whose list holds x of 1 / (x's position in that list); ties by the best
/// position, then by cart order.</item>
/// </list>
/// A product is placed once, at its strongest candidate; its slot names every cart item it complements.
/// A slot is "personalized" when its position differs from the anonymous shopper's cart. Pure, like the composer.
/// </summary>
public static class CartComposer
{
    public static CartComposition Compose(CartCompositionRequest request, CartStore store)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Slots);

        var warnings = new WarningLog();
        var cartIds = new List<int>();
        foreach (var id in request.CartProductIds.Distinct())
        {
            if (store.Catalog.Products.ContainsKey(id))
            {
                cartIds.Add(id);
            }
            else
            {
                warnings.Add($"Cart product #{id} is not in the catalog and was ignored");
            }
        }
        var items = cartIds.Select((id, i) => CartItem.For(store.Catalog.Products[id], i, cartIds.Count, request, store)).ToList();
        var shopper = request.Shopper;
        var arranged = Arrange(items, store, request.Slots, shopper);
        var anonymous = shopper is null ? arranged : Arrange(items, store, request.Slots, shopper: null);

        var slots = new CartSlot[arranged.Count];
        for (var i = 0; i < arranged.Count; i++)
        {
            var entry = arranged[i];
            var anonymousPosition = IndexOf(anonymous, entry.Product.Id) + 1;
            var moved = shopper is not null && entry.Basis != CartSlotBasis.Locked && anonymousPosition != i + 1;
            var complements = entry.Complements.OrderBy(c => c.CartIndex).ToList();
            slots[i] = new CartSlot(i + 1, entry.Product, entry.Source, entry.Basis, entry.Basis == CartSlotBasis.Locked, moved,
                [.. complements.Select(c => c.Product.Id)], Explain(entry, complements), entry.Pair);
        }
        foreach (var item in items)
        {
            foreach (var warning in item.ForShopper.Warnings)
            {
                warnings.Add($"{WarningLog.Describe(item.Product)}: {warning}");
            }
        }
        return new CartComposition(cartIds, shopper?.ShopperLabel,
            RecommendationId.ForCart(cartIds, shopper?.ShopperLabel, request.AsOf, slots), request.AsOf, slots, warnings.Messages);
    }

    private static IReadOnlyList<CartArrangement.Entry> Arrange(IReadOnlyList<CartItem> items, CartStore store, int slots, IShopperAffinity? shopper)
    {
        var cart = new CartArrangement(items, slots);
        foreach (var item in items)
        {
            foreach (var slot in item.ListFor(shopper is not null).Slots.Take(item.LockedSlots))
            {
                cart.Offer(slot.Product, [item], CartSlotBasis.Locked, slot.Source, slot.Explanation, slot.Pair);
            }
        }
        foreach (var candidate in CartItemsets.Ranked(items, store, shopper))
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"Bought together with {Names(candidate.Antecedent)} in {candidate.Itemset.Count} {(candidate.Itemset.Count == 1 ? "order" : "orders")}");
            cart.Offer(candidate.Product, candidate.Antecedent, CartSlotBasis.BoughtTogether, SlotSource.Mined, reason, pair: null);
        }
        foreach (var free in MergedFreeSlots(items, shopper is not null))
        {
            cart.Offer(free.Slot.Product, free.Origins, CartSlotBasis.ItemList, free.Slot.Source, free.Slot.Explanation, free.Slot.Pair);
        }
        return cart.Entries;
    }

    private static IEnumerable<(Slot Slot, List<CartItem> Origins)> MergedFreeSlots(IReadOnlyList<CartItem> items, bool personalized)
    {
        var merged = new Dictionary<int, (Slot Slot, List<CartItem> Origins, double Score, int BestPosition)>();
        foreach (var item in items)
        {
            foreach (var slot in item.ListFor(personalized).Slots.Skip(item.LockedSlots))
            {
                var current = merged.TryGetValue(slot.Product.Id, out var found) ? found : (slot, [], 0.0, int.MaxValue);
                current.Origins.Add(item);
                merged[slot.Product.Id] = (current.Slot, current.Origins, current.Score + (1.0 / slot.Position), Math.Min(current.BestPosition, slot.Position));
            }
        }
        return merged.Values
            .OrderByDescending(m => m.Score).ThenBy(m => m.BestPosition).ThenBy(m => m.Origins[0].CartIndex)
            .Select(m => (m.Slot, m.Origins));
    }

    private static string Explain(CartArrangement.Entry entry, IReadOnlyList<CartItem> complements) =>
        entry.Basis == CartSlotBasis.BoughtTogether
            ? entry.Reason
            : $"Goes with {Names(complements)}: {entry.Reason}";

    private static string Names(IReadOnlyList<CartItem> items) => items.Count switch
    {
        0 => "the cart",
        1 => items[0].Product.Name,
        _ => $"{string.Join(", ", items.Take(items.Count - 1).Select(i => i.Product.Name))} and {items[^1].Product.Name}",
    };

    private static int IndexOf(IReadOnlyList<CartArrangement.Entry> entries, int productId)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Product.Id == productId)
            {
                return i;
            }
        }
        return -1;
    }
}
