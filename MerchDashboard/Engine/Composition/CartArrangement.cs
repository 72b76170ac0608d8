using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// The cart's slots as they are filled, strongest candidate first. A product is placed once: when a later
/// candidate names it again, its cart items join the slot's complements. The removal rules of PRODUCT.md's
/// cart composition live in <see cref="Allowed"/>. Cart items are told apart by reference (each is one line of the cart).
/// </summary>
internal sealed class CartArrangement(IReadOnlyList<CartItem> items, int slots)
{
    private readonly Dictionary<int, Entry> _byProduct = [];
    private readonly List<Entry> _entries = new(slots);

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>A candidate from one cart item's list.</summary>
    public void Offer(ProductInfo product, CartItem origin, CartSlotBasis basis, SlotSource source, string reason, MinedCandidate? pair) =>
        Offer(product, new ReadOnlySpan<CartItem>(in origin), basis, source, reason, pair);

    /// <summary>
    /// Places the product after the others, or adds <paramref name="origins"/> to its slot when it is placed already.
    /// A null <paramref name="reason"/> is the bought-together <paramref name="itemset"/>'s, written only when the product is placed.
    /// </summary>
    public void Offer(ProductInfo product, ReadOnlySpan<CartItem> origins, CartSlotBasis basis, SlotSource source, string? reason,
        MinedCandidate? pair, CartItemsets.ItemsetCandidate? itemset = null)
    {
        if (!Allowed(product, origins))
        {
            return;
        }
        if (_byProduct.TryGetValue(product.Id, out var placed))
        {
            foreach (var origin in origins)
            {
                if (!Holds(placed.Complements, origin))
                {
                    placed.Complements.Add(origin);
                }
            }
            return;
        }
        if (_entries.Count < slots)
        {
            var complements = new List<CartItem>(origins.Length);
            foreach (var origin in origins)
            {
                complements.Add(origin);
            }
            var entry = new Entry(product, basis, source, reason ?? itemset!.Reason(), pair, complements);
            _entries.Add(entry);
            _byProduct.Add(product.Id, entry);
        }
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
            if (origin.Excluded.Contains(product.Id))
            {
                return false;
            }
        }
        foreach (var item in items)
        {
            if (item.Product.Id == product.Id
                || (item.Product.CategoryId == product.CategoryId && !item.HandAdded.Contains(product.Id)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Holds(List<CartItem> complements, CartItem item)
    {
        foreach (var held in complements)
        {
            if (ReferenceEquals(held, item))
            {
                return true;
            }
        }
        return false;
    }

    internal sealed record Entry(ProductInfo Product, CartSlotBasis Basis, SlotSource Source, string Reason, MinedCandidate? Pair, List<CartItem> Complements);
}
