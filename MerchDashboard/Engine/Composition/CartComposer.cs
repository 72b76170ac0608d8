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
        var items = new CartItem[cartIds.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = CartItem.For(store.Catalog.Products[cartIds[i]], i, cartIds.Count, request, store);
        }
        var shopper = request.Shopper;
        var arranged = Arrange(items, store, request.Slots, shopper);
        var anonymous = shopper is null ? arranged : Arrange(items, store, request.Slots, shopper: null);

        var slots = new CartSlot[arranged.Count];
        for (var i = 0; i < arranged.Count; i++)
        {
            var entry = arranged[i];
            var anonymousPosition = IndexOf(anonymous, entry.Product.Id) + 1;
            var moved = shopper is not null && entry.Basis != CartSlotBasis.Locked && anonymousPosition != i + 1;
            // Each cart item joins a slot once, so cart order is a total order.
            var complements = entry.Complements;
            complements.Sort(static (a, b) => a.CartIndex.CompareTo(b.CartIndex));
            var complementIds = new int[complements.Count];
            for (var c = 0; c < complementIds.Length; c++)
            {
                complementIds[c] = complements[c].Product.Id;
            }
            slots[i] = new CartSlot(i + 1, entry.Product, entry.Source, entry.Basis, entry.Basis == CartSlotBasis.Locked, moved,
                complementIds, Explain(entry, complements), entry.Pair);
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

    private static IReadOnlyList<CartArrangement.Entry> Arrange(CartItem[] items, CartStore store, int slots, IShopperAffinity? shopper)
    {
        var personalized = shopper is not null;
        var cart = new CartArrangement(items, slots);
        foreach (var item in items)
        {
            var list = item.ListFor(personalized).Slots;
            for (var i = 0; i < item.LockedSlots && i < list.Count; i++)
            {
                var slot = list[i];
                cart.Offer(slot.Product, item, CartSlotBasis.Locked, slot.Source, slot.Explanation, slot.Pair);
            }
        }
        foreach (var candidate in CartItemsets.Ranked(items, store, shopper))
        {
            cart.Offer(candidate.Product, candidate.Antecedent, CartSlotBasis.BoughtTogether, SlotSource.Mined, reason: null, pair: null, candidate);
        }
        var merged = MergedFreeSlots(items, personalized, out var count);
        for (var i = 0; i < count; i++)
        {
            ref readonly var free = ref merged[i];
            if (free.Others is null)
            {
                cart.Offer(free.Slot.Product, free.First, CartSlotBasis.ItemList, free.Slot.Source, free.Slot.Explanation, free.Slot.Pair);
            }
            else
            {
                cart.Offer(free.Slot.Product, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(free.Others), CartSlotBasis.ItemList,
                    free.Slot.Source, free.Slot.Explanation, free.Slot.Pair);
            }
        }
        return cart.Entries;
    }

    /// <summary>
    /// The free slots of the cart items' lists, one per product, strongest first by m(x); the first occurrence's slot
    /// is kept. <see cref="MergedSlot.Others"/> holds every cart item whose list has the product when more than one does.
    /// </summary>
    private static MergedSlot[] MergedFreeSlots(CartItem[] items, bool personalized, out int count)
    {
        var capacity = 0;
        foreach (var item in items)
        {
            capacity += Math.Max(0, item.ListFor(personalized).Slots.Count - item.LockedSlots);
        }
        var merged = new MergedSlot[capacity];
        var at = new Dictionary<int, int>(capacity);
        count = 0;
        foreach (var item in items)
        {
            var list = item.ListFor(personalized).Slots;
            for (var i = item.LockedSlots; i < list.Count; i++)
            {
                var slot = list[i];
                if (at.TryGetValue(slot.Product.Id, out var index))
                {
                    ref var held = ref merged[index];
                    (held.Others ??= [held.First]).Add(item);
                    held.Score += 1.0 / slot.Position;
                    held.BestPosition = Math.Min(held.BestPosition, slot.Position);
                }
                else
                {
                    at.Add(slot.Product.Id, count);
                    merged[count] = new MergedSlot(slot, item, count) { Score = 1.0 / slot.Position, BestPosition = slot.Position };
                    count++;
                }
            }
        }
        // By m(x), then the best position, then the first cart item; what is still tied stays in the order found.
        merged.AsSpan(0, count).Sort(static (a, b) =>
        {
            var order = b.Score.CompareTo(a.Score);
            if (order == 0)
            {
                order = a.BestPosition.CompareTo(b.BestPosition);
            }
            if (order == 0)
            {
                order = a.First.CartIndex.CompareTo(b.First.CartIndex);
            }
            return order != 0 ? order : a.Found.CompareTo(b.Found);
        });
        return merged;
    }

    private struct MergedSlot(Slot slot, CartItem first, int found)
    {
        public readonly Slot Slot = slot;
        public readonly CartItem First = first;
        public readonly int Found = found;
        public List<CartItem>? Others;
        public double Score;
        public int BestPosition;
    }

    private static string Explain(CartArrangement.Entry entry, IReadOnlyList<CartItem> complements) =>
        entry.Basis == CartSlotBasis.BoughtTogether
            ? entry.Reason
            : $"Goes with {Names(complements)}: {entry.Reason}";

    internal static string Names(IReadOnlyList<CartItem> items) => items.Count switch
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
