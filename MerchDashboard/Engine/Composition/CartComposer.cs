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
        var cart = request.CartProductIds;
        var cartIds = new List<int>(cart.Count);
        for (var line = 0; line < cart.Count; line++)
        {
            var id = cart[line];
            if (store.Catalog.Products.ContainsKey(id))
            {
                if (!cartIds.Contains(id))
                {
                    cartIds.Add(id);
                }
            }
            else if (!ListedBefore(cart, line))
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
        var itemsets = CartItemsets.Gathered(items, store);
        var ranked = CartItemsets.Ranked(itemsets, shopper);
        var arranged = Arrange(items, ranked, request.Slots, personalized: shopper is not null);
        var anonymous = arranged;
        if (shopper is not null)
        {
            // When the shopper moved none of the items' lists nor the itemsets' order, the anonymous cart is this one.
            var rankedAnonymous = CartItemsets.Ranked(itemsets, shopper: null);
            if (!ListsUnmoved(items) || !ranked.AsSpan().SequenceEqual(rankedAnonymous))
            {
                anonymous = Arrange(items, rankedAnonymous, request.Slots, personalized: false);
            }
        }

        var slots = new CartSlot[arranged.Count];
        for (var i = 0; i < arranged.Count; i++)
        {
            var entry = arranged[i];
            var anonymousPosition = IndexOf(anonymous, entry.Product.Id) + 1;
            var moved = shopper is not null && entry.Basis != CartSlotBasis.Locked && anonymousPosition != i + 1;
            var reason = entry.Reason;
            slots[i] = new CartSlot(i + 1, entry.Product, entry.Source, entry.Basis, entry.Basis == CartSlotBasis.Locked, moved,
                ComplementsInCartOrder(entry), reason, entry.Pair) { ShopperReason = entry.ShopperReason ?? reason };
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

    /// <summary>Whether the product of cart line <paramref name="line"/> is on an earlier line (a product counts once, at its first line).</summary>
    private static bool ListedBefore(IReadOnlyList<int> cart, int line)
    {
        for (var i = 0; i < line; i++)
        {
            if (cart[i] == cart[line])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The cart items the slot goes with, in cart order (each cart item joins a slot once, so the order is total).</summary>
    private static Catalog.ProductInfo[] ComplementsInCartOrder(CartArrangement.Entry entry)
    {
        var complements = new CartItem[entry.ComplementCount];
        for (var c = 0; c < complements.Length; c++)
        {
            complements[c] = entry.Complement(c);
        }
        if (complements.Length > 1)
        {
            complements.AsSpan().Sort(static (a, b) => a.CartIndex.CompareTo(b.CartIndex));
        }
        var products = new Catalog.ProductInfo[complements.Length];
        for (var c = 0; c < products.Length; c++)
        {
            products[c] = complements[c].Product;
        }
        return products;
    }

    /// <summary>Whether every item's list for the shopper is its anonymous one (a layout that moves no slot is that instance).</summary>
    private static bool ListsUnmoved(CartItem[] items)
    {
        foreach (var item in items)
        {
            if (!ReferenceEquals(item.ForShopper, item.Anonymous))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The cart from the items' lists for the shopper (<paramref name="personalized"/>) or anonymous, and the itemset candidates ranked for the same.</summary>
    private static IReadOnlyList<CartArrangement.Entry> Arrange(CartItem[] items, CartItemsets.ItemsetCandidate[] ranked, int slots, bool personalized)
    {
        var cart = new CartArrangement(items, slots);
        foreach (var item in items)
        {
            var list = item.ListFor(personalized);
            for (var i = 0; i < item.LockedSlots && i < list.Count; i++)
            {
                cart.Offer(list, i, item, CartSlotBasis.Locked);
            }
        }
        foreach (var candidate in ranked)
        {
            cart.Offer(candidate);
        }
        var merged = MergedFreeSlots(items, personalized, out var count);
        Span<UInt128> order = count <= 256 ? stackalloc UInt128[count] : new UInt128[count];
        MergeOrder(merged, order);
        for (var i = 0; i < count; i++)
        {
            ref readonly var free = ref merged[MergedIndex(order[i])];
            var origins = free.Others is null
                ? new ReadOnlySpan<CartItem>(in free.First)
                : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(free.Others);
            cart.Offer(free.List.ProductAt(free.At), origins, CartSlotBasis.ItemList, free.List, free.At, itemset: null);
        }
        // Cleared, so the pool holds no cart's items.
        System.Buffers.ArrayPool<MergedSlot>.Shared.Return(merged, clearArray: true);
        return cart.Entries;
    }

    /// <summary>
    /// The free slots of the cart items' lists, one per product, in the order found (<see cref="MergeOrder"/> orders them by
    /// m(x)); the first occurrence's slot is kept. <see cref="MergedSlot.Others"/> holds every cart item whose list has the
    /// product when more than one does.
    /// The array is rented from the shared pool (it was a sizeable share of a request's allocations); the caller returns it.
    /// </summary>
    private static MergedSlot[] MergedFreeSlots(CartItem[] items, bool personalized, out int count)
    {
        var capacity = 0;
        foreach (var item in items)
        {
            capacity += Math.Max(0, item.ListFor(personalized).Count - item.LockedSlots);
        }
        var merged = System.Buffers.ArrayPool<MergedSlot>.Shared.Rent(capacity);
        // Where each product was merged; a short merge (a cart of a few items) is scanned instead.
        var at = capacity > ScannedMerge ? new Dictionary<int, int>(capacity) : null;
        count = 0;
        foreach (var item in items)
        {
            var list = item.ListFor(personalized);
            for (var i = item.LockedSlots; i < list.Count; i++)
            {
                var product = list.ProductAt(i);
                var position = i + 1;
                var index = at is null ? MergedAt(merged, count, product.Id) : at.GetValueOrDefault(product.Id, -1);
                if (index >= 0)
                {
                    ref var held = ref merged[index];
                    (held.Others ??= [held.First]).Add(item);
                    held.Score += 1.0 / position;
                    held.BestPosition = Math.Min(held.BestPosition, position);
                }
                else
                {
                    at?.Add(product.Id, count);
                    merged[count] = new MergedSlot(list, i, product.Id, item, count) { Score = 1.0 / position, BestPosition = position };
                    count++;
                }
            }
        }
        return merged;
    }

    private const int PositionBits = 20;
    private const int CartIndexBits = 20;
    private const int FoundBits = 24;

    /// <summary>
    /// The order of the merged slots: by m(x), then the best position, then the first cart item, then the order found (which
    /// makes the order total), as one 128-bit key per slot whose low bits are the slot's index (<see cref="MergedIndex"/>):
    /// sorting primitives is several times faster than sorting the slots through a comparison, and the slots stay where they are.
    /// m(x) is positive, so its bits grow with it.
    /// </summary>
    private static void MergeOrder(MergedSlot[] merged, Span<UInt128> keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            ref readonly var slot = ref merged[i];
            if (slot.BestPosition >= 1 << PositionBits || slot.First.CartIndex >= 1 << CartIndexBits || slot.Found >= 1 << FoundBits)
            {
                throw new InvalidOperationException($"A cart of {slot.First.CartIndex + 1:N0} items with {keys.Length:N0} merged slots is beyond what the cart composer orders.");
            }
            var score = ulong.MaxValue - (ulong)BitConverter.DoubleToInt64Bits(slot.Score);
            var ties = ((ulong)slot.BestPosition << (CartIndexBits + FoundBits)) | ((ulong)slot.First.CartIndex << FoundBits) | (uint)slot.Found;
            keys[i] = new UInt128(score, ties);
        }
        keys.Sort();
    }

    /// <summary>The index in the merged slots of an ordered key (Found is the slot's index).</summary>
    private static int MergedIndex(UInt128 key) => (int)((ulong)key & ((1UL << FoundBits) - 1));

    private const int ScannedMerge = 48;

    private static int MergedAt(MergedSlot[] merged, int count, int productId)
    {
        for (var i = 0; i < count; i++)
        {
            if (merged[i].ProductId == productId)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A product merged from the cart items' lists: the first list slot that holds it (<see cref="List"/>, 0-based <see cref="At"/>).</summary>
    private struct MergedSlot(PreparedComposition.ListLayout list, int at, int productId, CartItem first, int found)
    {
        public readonly PreparedComposition.ListLayout List = list;
        public readonly int At = at;
        public readonly int ProductId = productId;
        public readonly CartItem First = first;
        public readonly int Found = found;
        public List<CartItem>? Others;
        public double Score;
        public int BestPosition;
    }

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
