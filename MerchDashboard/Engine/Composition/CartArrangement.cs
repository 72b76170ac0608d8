using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// The cart's slots as they are filled, strongest candidate first. A product is placed once: when a later
/// candidate names it again, its cart items join the slot's complements. The removal rules of PRODUCT.md's
/// cart composition live in <see cref="Allowed"/>.
/// </summary>
internal sealed class CartArrangement(IReadOnlyList<CartItem> items, int slots)
{
    private readonly HashSet<int> _cart = [.. items.Select(i => i.Product.Id)];
    private readonly Dictionary<int, Entry> _byProduct = [];
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Places the product after the others, or adds <paramref name="origins"/> to its slot when it is placed already.</summary>
    public void Offer(ProductInfo product, IReadOnlyList<CartItem> origins, CartSlotBasis basis, SlotSource source, string reason, MinedCandidate? pair)
    {
        if (!Allowed(product, origins))
        {
            return;
        }
        if (_byProduct.TryGetValue(product.Id, out var placed))
        {
            foreach (var origin in origins)
            {
                if (!placed.Complements.Contains(origin))
                {
                    placed.Complements.Add(origin);
                }
            }
            return;
        }
        if (_entries.Count < slots)
        {
            var entry = new Entry(product, basis, source, reason, pair, [.. origins]);
            _entries.Add(entry);
            _byProduct.Add(product.Id, entry);
        }
    }

    /// <summary>
    /// Removed: items in the cart, unavailable items, items excluded on the list of a cart item they come
    /// from, and substitutes (same leaf category) of a cart item unless that item's merchandiser added them.
    /// </summary>
    private bool Allowed(ProductInfo product, IReadOnlyList<CartItem> origins)
    {
        if (_cart.Contains(product.Id) || !product.IsAvailable)
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
            if (item.Product.CategoryId == product.CategoryId && !item.HandAdded.Contains(product.Id))
            {
                return false;
            }
        }
        return true;
    }

    internal sealed record Entry(ProductInfo Product, CartSlotBasis Basis, SlotSource Source, string Reason, MinedCandidate? Pair, List<CartItem> Complements);
}
