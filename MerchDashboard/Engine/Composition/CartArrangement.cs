using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// The cart's slots as they are filled, strongest candidate first. A product is placed once: when a later
/// candidate names it again, its cart items join the slot's complements. The removal rules of PRODUCT.md's
/// cart composition live in <see cref="Allowed"/>. Cart items are told apart by reference (each is one line of the cart).
/// A placed candidate keeps where it came from (a slot of a cart item's list, or an itemset), and its source, pair and
/// reason are read from there only when asked: the anonymous arrangement, which only gives positions, never builds them.
/// </summary>
internal sealed class CartArrangement(IReadOnlyList<CartItem> items, int slots)
{
    private readonly List<Entry> _entries = new(slots);

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>The slot at 0-based <paramref name="at"/> of <paramref name="origin"/>'s list (<paramref name="list"/>), offered as <paramref name="basis"/>.</summary>
    public void Offer(PreparedComposition.ListLayout list, int at, CartItem origin, CartSlotBasis basis) =>
        Offer(list.ProductAt(at), new ReadOnlySpan<CartItem>(in origin), basis, list, at, itemset: null);

    /// <summary>A product of a bought-together itemset, for the itemset's cart members.</summary>
    public void Offer(CartItemsets.ItemsetCandidate itemset) =>
        Offer(itemset.Product, itemset.Antecedent, CartSlotBasis.BoughtTogether, list: null, at: -1, itemset);

    /// <summary>Places the product after the others, or adds <paramref name="origins"/> to its slot when it is placed already.</summary>
    public void Offer(ProductInfo product, ReadOnlySpan<CartItem> origins, CartSlotBasis basis, PreparedComposition.ListLayout? list, int at,
        CartItemsets.ItemsetCandidate? itemset)
    {
        if (!Allowed(product, origins))
        {
            return;
        }
        if (Placed(product.Id) is { } placed)
        {
            foreach (var origin in origins)
            {
                placed.Join(origin);
            }
            return;
        }
        if (_entries.Count < slots)
        {
            var entry = new Entry(product, basis, origins[0], list, at, itemset);
            for (var i = 1; i < origins.Length; i++)
            {
                entry.Join(origins[i]);
            }
            _entries.Add(entry);
        }
    }

    /// <summary>The entry holding <paramref name="productId"/>: a scan, as a cart has few slots (at most the API's limit).</summary>
    private Entry? Placed(int productId)
    {
        foreach (var entry in _entries)
        {
            if (entry.Product.Id == productId)
            {
                return entry;
            }
        }
        return null;
    }

    /// <summary>
    /// Removed: items in the cart, unavailable items, items excluded on the list of a cart item they come
    /// from, and substitutes (same leaf category) of a cart item unless that item's merchandiser added them.
    /// </summary>
    private bool Allowed(ProductInfo product, ReadOnlySpan<CartItem> origins)
    {
        if (!product.IsAvailable)
        {
            return false;
        }
        foreach (var origin in origins)
        {
            if (origin.Overrides.Excluded.Contains(product.Id))
            {
                return false;
            }
        }
        foreach (var item in items)
        {
            if (item.Product.Id == product.Id
                || (item.Product.CategoryId == product.CategoryId && !item.Overrides.HandAdded.Contains(product.Id)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A placed product and where its strongest candidate came from: the slot at <c>at</c> of a cart item's
    /// <c>list</c>, or a bought-together <c>itemset</c>; its complements are every cart item it goes with, in the order they joined.
    /// </summary>
    internal sealed class Entry(ProductInfo product, CartSlotBasis basis, CartItem first, PreparedComposition.ListLayout? list, int at,
        CartItemsets.ItemsetCandidate? itemset)
    {
        private List<CartItem>? _more;

        public ProductInfo Product => product;

        public CartSlotBasis Basis => basis;

        public int ComplementCount => 1 + (_more?.Count ?? 0);

        public CartItem Complement(int i) => i == 0 ? first : _more![i - 1];

        /// <summary>The list slot the product came from (null for an itemset), built now if personalization moved it.</summary>
        private Slot? ListSlot => list?.SlotAt(at);

        public SlotSource Source => ListSlot?.Source ?? SlotSource.Mined;

        public MinedCandidate? Pair => ListSlot?.Pair;

        /// <summary>The list slot's explanation, or the itemset's reason (written now).</summary>
        public string Reason => itemset?.Reason() ?? ListSlot!.Explanation;

        /// <summary><see cref="Reason"/> without merchandisers' notes (the list slot's shopper explanation; an itemset's reason has none).</summary>
        public string? ShopperReason => itemset is null ? ListSlot!.ShopperExplanation : null;

        public void Join(CartItem item)
        {
            if (ReferenceEquals(first, item))
            {
                return;
            }
            if (_more is null)
            {
                _more = [item];
                return;
            }
            foreach (var held in _more)
            {
                if (ReferenceEquals(held, item))
                {
                    return;
                }
            }
            _more.Add(item);
        }
    }
}
