using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>
/// The offline evaluation's cart part: the cart composition, the first cart item's list alone and best sellers,
/// all learned from the training part of the split (mined lists and bundles, training best sellers). Lists are
/// composed for an anonymous shopper without curation, and every product counts as in stock: the held-out
/// orders were bought when today's stock did not apply, as in the other offline lists.
/// </summary>
public static class CartEvaluation
{
    public static CartEvaluationReport Run(
        HoldoutSplit split, MiningResult mined, CatalogView liveCatalog, IReadOnlyList<int> ks, int maxCases, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        var store = StoreOf(mined, liveCatalog);
        var slots = ks.Max();
        var asOf = split.HeldOut.Select(o => o.PlacedAt).DefaultIfEmpty(DateTime.UnixEpoch).Max();
        IReadOnlyList<int> bestSellers = [.. split.Training.GroupBy(p => p.ProductId)
            .Select(g => (Id: g.Key, Units: g.Sum(p => p.Quantity))).OrderByDescending(x => x.Units).ThenBy(x => x.Id).Select(x => x.Id)];
        NamedCartRecommender[] recommenders =
        [
            new(CartEvaluator.CartComposition, cart => [.. CartComposer.Compose(new CartCompositionRequest(cart, slots, asOf), store).Slots.Select(s => s.Product.Id)]),
            new(CartEvaluator.FirstItemList, cart => [.. Composer.Compose(new CompositionRequest(cart[0], slots + cart.Count, asOf), store.Catalog,
                store.MinedFor(cart[0]), CurationState.Auto).Slots.Select(s => s.Product.Id)]),
            new(CartEvaluator.BestSellers, cart => [.. bestSellers.Where(id => !cart.Contains(id)).Take(slots)]),
        ];
        return CartEvaluator.Evaluate(split.HeldOut, recommenders, ks, maxCases, ct);
    }

    /// <summary>The training mining result as the cart composer reads it, over the live catalog with everything in stock.</summary>
    public static CartStore StoreOf(MiningResult mined, CatalogView liveCatalog)
    {
        ArgumentNullException.ThrowIfNull(mined);
        ArgumentNullException.ThrowIfNull(liveCatalog);
        var products = liveCatalog.Products.ToDictionary(p => p.Key, p => p.Value with { IsActive = true, Stock = p.Value.Stock is { } stock ? Math.Max(1, stock) : null });
        var catalog = liveCatalog with { Products = products };
        var anchors = mined.Anchors.ToDictionary(a => a.Anchor);
        IReadOnlyList<MinedCandidate> Mined(int id) => anchors.TryGetValue(id, out var a)
            ? [.. a.Candidates.Select(c => new MinedCandidate(c.Item, c.Statistics.Count, c.Statistics.Support,
                c.Statistics.Confidence, c.Statistics.Lift, c.Score))]
            : [];
        IReadOnlyList<MinedItemset> Itemsets(int id) => anchors.TryGetValue(id, out var a)
            ? [.. a.Bundles.Select(b => new MinedItemset([.. b.Items.Where(i => i != id)], b.Count, b.Score))]
            : [];
        return new CartStore(catalog, Mined, _ => CurationState.Auto, Itemsets);
    }
}
