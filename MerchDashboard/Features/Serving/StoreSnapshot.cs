using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Curation;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// A curated list as the composer reads it, with the version the editor needs for its next change and the list as
/// stored (notes, windows, what a lock froze), which the curation API's GET answers from.
/// </summary>
public sealed record CuratedEntry(CurationState State, int Version)
{
    public ListState Stored { get; init; } = ListState.Automatic;
}

/// <summary>A mined bundle: the other products bought with the anchor, and how often.</summary>
public sealed record BundleInfo(IReadOnlyList<int> ProductIds, int Count, double Support, double Score);

/// <summary>The current mining run as served.</summary>
public sealed record MiningRunInfo(int Id, DateTime FinishedAt, int Orders, int Pairs, int Bundles, MerchDashboard.Engine.Mining.MiningSettings Settings);

/// <summary>
/// Everything serving needs, in memory and immutable: the catalog, the current mining run's
/// suggestions and bundles, every curated list, and the personalization model. Replaced as a whole
/// when something changes, so a reader never sees half of an update.
/// </summary>
public sealed record StoreSnapshot(
    CatalogView Catalog,
    IReadOnlyDictionary<string, int> ProductIdsBySku,
    IReadOnlyDictionary<int, IReadOnlyList<MinedCandidate>> Mined,
    IReadOnlyDictionary<int, IReadOnlyList<BundleInfo>> Bundles,
    IReadOnlyDictionary<int, CuratedEntry> Curation,
    PersonalizationModel Personalization,
    IReadOnlyDictionary<int, IReadOnlyList<Purchase>> PurchasesByCustomer,
    IReadOnlyDictionary<string, int> CustomerIdsByExternalId,
    MiningRunInfo? MiningRun,
    DateTime LoadedAt)
{
    public static StoreSnapshot Empty { get; } = new(
        new CatalogView(new Dictionary<int, ProductInfo>(), new Dictionary<int, string>(), [], new Dictionary<int, IReadOnlyList<int>>()),
        new Dictionary<string, int>(), new Dictionary<int, IReadOnlyList<MinedCandidate>>(), new Dictionary<int, IReadOnlyList<BundleInfo>>(),
        new Dictionary<int, CuratedEntry>(), PersonalizationModel.Empty, new Dictionary<int, IReadOnlyList<Purchase>>(),
        new Dictionary<string, int>(), null, DateTime.MinValue);

    /// <summary>
    /// Counts the snapshots <see cref="StoreSnapshotService"/> has published (any part replaced), so caches of
    /// derived results key on a number instead of holding old snapshots alive; 0 for one never published.
    /// </summary>
    public long Version { get; init; }

    public ProductInfo? Product(int id) => Catalog.Products.GetValueOrDefault(id);

    public ProductInfo? ProductBySku(string sku) => ProductIdsBySku.TryGetValue(sku, out var id) ? Catalog.Products[id] : null;

    public IReadOnlyList<MinedCandidate> MinedFor(int anchorId) => Mined.TryGetValue(anchorId, out var list) ? list : [];

    public IReadOnlyList<BundleInfo> BundlesFor(int anchorId) => Bundles.TryGetValue(anchorId, out var list) ? list : [];

    public CuratedEntry CurationFor(int anchorId) => Curation.TryGetValue(anchorId, out var entry) ? entry : new CuratedEntry(CurationState.Auto, 0);

    /// <summary>The anchor's composition up to the shopper, under its current curation (see <see cref="PreparedComposition"/>).</summary>
    public PreparedComposition Prepare(int anchorProductId, DateTime asOf, int slots) =>
        Composer.Prepare(anchorProductId, slots, asOf, Catalog, MinedFor(anchorProductId), CurationFor(anchorProductId).State);

    /// <summary>
    /// The one way into the composer over this snapshot: the anchor's mined candidates and, unless the caller
    /// passes its own (the editor's unsaved state), the anchor's stored curation.
    /// </summary>
    public ComposedList Compose(int anchorProductId, DateTime asOf, int slots, IShopperAffinity? shopper = null, CurationState? curation = null) =>
        Composer.Compose(new CompositionRequest(anchorProductId, slots, asOf, shopper), Catalog,
            MinedFor(anchorProductId), curation ?? CurationFor(anchorProductId).State);
}
