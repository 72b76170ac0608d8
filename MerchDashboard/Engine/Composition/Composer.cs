namespace MerchDashboard.Engine.Composition;

/// <summary>
/// PRODUCT.md's composition contract, implemented once: the API, the shopper preview and the curation
/// editor all call <see cref="Compose"/>. Pure: no database, no clock; the same inputs give the same list.
/// <see cref="PreparedComposition"/> holds the steps, numbered as in the contract; docs/composition.md describes them for readers.
/// </summary>
public static class Composer
{
    public static ComposedList Compose(
        CompositionRequest request, CatalogView catalog, IReadOnlyList<MinedCandidate> mined, CurationState curation)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Prepare(request.AnchorProductId, request.Slots, request.AsOf, catalog, mined, curation).For(request.Shopper);
    }

    /// <summary>
    /// Steps 1 and 2 and the anonymous list of one anchor, ready to be finished for any shopper by
    /// <see cref="PreparedComposition.For"/>: what a server keeps per anchor so that a shopper's list costs only the
    /// ranking of their free slots.
    /// </summary>
    public static PreparedComposition Prepare(
        int anchorProductId, int slots, DateTime asOf, CatalogView catalog, IReadOnlyList<MinedCandidate> mined, CurationState curation)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(mined);
        ArgumentNullException.ThrowIfNull(curation);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        return new PreparedComposition(anchorProductId, slots, asOf, catalog, mined, curation);
    }
}
