namespace MerchDashboard.Engine.Composition;

/// <summary>
/// One request to the cart composer: the cart's products in cart order (a product listed twice counts
/// once, at its first line), how many slots to fill, the as-of instant (UTC) and the shopper, or null.
/// </summary>
public sealed record CartCompositionRequest(IReadOnlyList<int> CartProductIds, int Slots, DateTime AsOf, IShopperAffinity? Shopper = null);

/// <summary>
/// What the cart composer reads besides the catalog, per cart item: the item's mined suggestions and
/// curation (what the product-page composer reads) and its mined itemsets of three or more products.
/// </summary>
public sealed record CartStore(
    CatalogView Catalog,
    Func<int, IReadOnlyList<MinedCandidate>> MinedFor,
    Func<int, CurationState> CurationFor,
    Func<int, IReadOnlyList<MinedItemset>> ItemsetsFor)
{
    /// <summary>
    /// A cart item's composition up to the shopper (anchor id, slots) as of the request's instant, when the caller keeps
    /// them (the storefront does, per served instant); it must be what <see cref="Composer.Prepare"/> gives for this store's
    /// data. Null: prepared per request.
    /// </summary>
    public Func<int, int, PreparedComposition>? Prepared { get; init; }
}

/// <summary>
/// A frequent itemset that contains an anchor product: the other products, how many orders held them all,
/// and the mining engine's ranking score (non-negative, higher is better; see BundleFinder).
/// </summary>
public sealed record MinedItemset(IReadOnlyList<int> OtherProductIds, int Count, double Score);
