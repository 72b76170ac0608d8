namespace MerchDashboard.Engine.Personalization;

/// <summary>A cart made from a held-out order with one item left out: the rest, ascending, and the item.</summary>
public sealed record HeldOutCartItem(IReadOnlyList<int> Cart, int HeldOutItem);

/// <summary>Given a cart's products, a ranked list of products to offer with it.</summary>
public delegate IReadOnlyList<int> CartRecommender(IReadOnlyList<int> cart);

/// <summary>One cart list under test.</summary>
public sealed record NamedCartRecommender(string Name, CartRecommender Recommend);

/// <summary>Scores per recommender, over <see cref="Cases"/> carts from <see cref="Orders"/> orders; <see cref="Skipped"/> cases were past the budget.</summary>
public sealed record CartEvaluationReport(int Orders, int Cases, int Skipped, IReadOnlyList<RecommenderEvaluation> Recommenders)
{
    public RecommenderEvaluation For(string recommender) => Recommenders.Single(r => r.Recommender == recommender);
}

/// <summary>
/// Offline evaluation of cart lists. Every held-out order with three or more distinct items gives one case
/// per item: that item is held out and the other items are the cart. A case is a hit at K when the held-out
/// item is among the first K products of the list, so hit rate@K = hits / cases, precision@K = hits / (K x cases)
/// and recall@K = hit rate (one held-out item per case). Lists never get credit for a cart item.
/// </summary>
public static class CartEvaluator
{
    public const string CartComposition = "cart-composition";
    public const string FirstItemList = "first-item-list";
    public const string BestSellers = "best-sellers";

    /// <summary>Fewest distinct items an order needs to make a cart of two or more plus a held-out item.</summary>
    public const int MinOrderItems = 3;

    /// <summary>
    /// The cases, in order; at <paramref name="maxCases"/> the rest are skipped (and counted), whole orders at a
    /// time, so that one order never counts half.
    /// </summary>
    public static (IReadOnlyList<HeldOutCartItem> Cases, int Orders, int Skipped) Cases(IReadOnlyList<HeldOutOrder> orders, int maxCases)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCases);
        var cases = new List<HeldOutCartItem>();
        var used = 0;
        var skipped = 0;
        foreach (var order in orders)
        {
            var items = order.Items.Distinct().Order().ToList();
            if (items.Count < MinOrderItems)
            {
                continue;
            }
            if (cases.Count + items.Count > maxCases)
            {
                skipped += items.Count;
                continue;
            }
            used++;
            cases.AddRange(items.Select(held => new HeldOutCartItem([.. items.Where(i => i != held)], held)));
        }
        return (cases, used, skipped);
    }

    public static CartEvaluationReport Evaluate(
        IReadOnlyList<HeldOutOrder> orders, IReadOnlyList<NamedCartRecommender> recommenders, IReadOnlyList<int> ks, int maxCases,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recommenders);
        ArgumentNullException.ThrowIfNull(ks);
        if (ks.Count == 0 || ks.Any(k => k <= 0))
        {
            throw new ArgumentException("Evaluate at one or more positive K.", nameof(ks));
        }
        var (cases, used, skipped) = Cases(orders, maxCases);
        var maxK = ks.Max();
        var evaluations = new List<RecommenderEvaluation>(recommenders.Count);
        foreach (var recommender in recommenders)
        {
            var firstHit = new int[cases.Count];
            for (var c = 0; c < cases.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cart = cases[c].Cart;
                var list = recommender.Recommend(cart).Where(id => !cart.Contains(id)).Distinct().Take(maxK).ToList();
                firstHit[c] = list.IndexOf(cases[c].HeldOutItem) + 1;
            }
            var n = Math.Max(1, cases.Count);
            evaluations.Add(new RecommenderEvaluation(recommender.Name, cases.Count, [.. ks.Select(k =>
            {
                var hitRate = (double)firstHit.Count(rank => rank >= 1 && rank <= k) / n;
                return new MetricsAtK(k, hitRate, hitRate / k, hitRate);
            })]));
        }
        return new CartEvaluationReport(used, cases.Count, skipped, evaluations);
    }
}
