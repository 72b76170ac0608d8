using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// One cart item as the cart composer sees it: its own composed lists (for the shopper and anonymous,
/// <see cref="Depth"/> slots each, as layouts whose slots are built when placed), how many leading slots of them are
/// locked, and the items its merchandiser added by hand (pins and adds) or excluded at the as-of time (kept with its
/// prepared composition).
/// </summary>
internal sealed record CartItem(
    ProductInfo Product,
    int CartIndex,
    PreparedComposition.ListLayout ForShopper,
    PreparedComposition.ListLayout Anonymous,
    int LockedSlots,
    CartOverrides Overrides)
{
    /// <summary>
    /// Slots composed per cart item: the cart's K plus one per other cart item, so that removing the other
    /// cart items and their substitutes still leaves each list K candidates in the common case.
    /// </summary>
    public static int Depth(int slots, int cartSize) => slots + cartSize;

    public static CartItem For(ProductInfo product, int cartIndex, int cartSize, CartCompositionRequest request, CartStore store)
    {
        var curation = store.CurationFor(product.Id);
        var mined = store.MinedFor(product.Id);
        var depth = Depth(request.Slots, cartSize);
        // One preparation serves both lists: the anonymous one and the shopper's (Composer.Compose is Prepare(...).For(shopper)).
        var prepared = store.Prepared?.Invoke(product.Id, depth) ?? Composer.Prepare(product.Id, depth, request.AsOf, store.Catalog, mined, curation);
        var anonymous = prepared.Layout(shopper: null);
        var forShopper = request.Shopper is null ? anonymous : prepared.Layout(request.Shopper);
        return new CartItem(product, cartIndex, forShopper, anonymous, LockedSlotsOf(curation, request.Slots), prepared.CartOverrides);
    }

    public PreparedComposition.ListLayout ListFor(bool personalized) => personalized ? ForShopper : Anonymous;

    /// <summary>
    /// The locked slots of the item's list at the cart's K, as the product page counts them. The one place the
    /// cart reads lock state: when slots carry their own locked flag, read it here instead.
    /// </summary>
    private static int LockedSlotsOf(CurationState curation, int slots) => curation.LockedSlots(slots);
}

/// <summary>
/// What a cart reads of an item's overrides in effect at the as-of time: the products its merchandiser added by hand (pins
/// and adds), which may stay in the cart's list although they share a cart item's category, and the excluded ones. The same
/// for every cart, so each prepared composition keeps its own (<see cref="PreparedComposition.CartOverrides"/>).
/// </summary>
internal sealed record CartOverrides(IReadOnlySet<int> HandAdded, IReadOnlySet<int> Excluded)
{
    private static readonly IReadOnlySet<int> NoProducts = System.Collections.Frozen.FrozenSet<int>.Empty;

    public static CartOverrides None { get; } = new(NoProducts, NoProducts);

    public static CartOverrides At(CurationState curation, DateTime asOf)
    {
        var overrides = OverridesInEffect.At(curation.Overrides, asOf);
        if (overrides.Pins.Count + overrides.Adds.Count + overrides.Excluded.Count == 0)
        {
            return None;
        }
        IReadOnlySet<int> handAdded = overrides.Pins.Count + overrides.Adds.Count == 0
            ? NoProducts
            : overrides.Pins.Select(p => p.ProductId).Concat(overrides.Adds.Select(a => a.ProductId)).ToHashSet();
        IReadOnlySet<int> excluded = overrides.Excluded.Count == 0 ? NoProducts : overrides.Excluded.ToHashSet();
        return new CartOverrides(handAdded, excluded);
    }
}
