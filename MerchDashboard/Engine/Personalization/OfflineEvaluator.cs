namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// Offline evaluation on a <see cref="HoldoutSplit"/>. Three recommenders each give a ranked list per held-out
/// order: frequently-bought-with (the caller's <see cref="BasketRecommender"/> over the previous order's
/// items, which must be mined from <see cref="HoldoutSplit.Training"/>), personalized
/// (<see cref="PersonalRecommender"/> with a profile of the customer's training lines as of the held-out
/// order's time, not filtered by today's stock) and best sellers (of the training lines). With
/// <c>hits</c> = distinct held-out items among the first K of a list:
/// hit rate = mean of [hits &gt; 0], precision@K = mean of hits / K, recall@K = mean of hits / |held-out items|.
/// </summary>
public static class OfflineEvaluator
{
    public const string FrequentlyBoughtWith = "frequently-bought-with";
    public const string Personalized = "personalized";
    public const string BestSellerBaseline = "best-sellers";

    public static EvaluationReport Evaluate(
        HoldoutSplit split,
        CatalogIndex catalog,
        BasketRecommender frequentlyBoughtWith,
        EvaluationOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(frequentlyBoughtWith);
        options ??= EvaluationOptions.Default;
        if (options.Ks.Count == 0 || options.Ks.Any(k => k <= 0))
        {
            throw new ArgumentException("Evaluate at one or more positive K.", nameof(options));
        }

        var model = PersonalizationModel.Train(
            split.Training, catalog, options.Profile, options.Similarity,
            progress is null ? null : new Scaled(progress, 0, 0.5), cancellationToken);
        var orders = split.HeldOut;
        var maxK = options.Ks.Max();

        var basketLists = new IReadOnlyList<int>[orders.Count];
        for (var o = 0; o < orders.Count; o++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            basketLists[o] = [.. frequentlyBoughtWith(orders[o].PreviousOrderItems).Distinct().Take(maxK)];
        }

        var personalLists = PersonalLists(split, model, maxK, progress, cancellationToken);
        IReadOnlyList<int> bestSellers = [.. model.BestSellers.Take(maxK)];
        var bestSellerLists = orders.Select(_ => bestSellers).ToArray();
        progress?.Report(1);

        return new EvaluationReport(split.Training.Count, orders.Count,
        [
            Score(FrequentlyBoughtWith, basketLists, orders, options.Ks),
            Score(Personalized, personalLists, orders, options.Ks),
            Score(BestSellerBaseline, bestSellerLists, orders, options.Ks),
        ]);
    }

    private static IReadOnlyList<int>[] PersonalLists(
        HoldoutSplit split, PersonalizationModel model, int maxK, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var orders = split.HeldOut;
        var evaluated = orders.Select(o => o.CustomerKey).ToHashSet();
        var historyOf = split.Training
            .Where(p => evaluated.Contains(p.CustomerKey))
            .GroupBy(p => p.CustomerKey)
            .ToDictionary(g => g.Key, g => g.ToArray());
        var lists = new IReadOnlyList<int>[orders.Count];
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, orders.Count, parallel, o =>
        {
            var order = orders[o];
            var profile = ShopperProfileBuilder.Build(
                $"customer {order.CustomerKey}", historyOf.GetValueOrDefault(order.CustomerKey, []), order.PlacedAt, model);
            lists[o] = [.. PersonalRecommender.Recommend(profile, model, maxK, onlyAvailable: false).Select(r => r.Product.Id)];
            if (progress is not null && Interlocked.Increment(ref done) % 1024 == 0)
            {
                progress.Report(0.5 + 0.5 * done / orders.Count);
            }
        });
        return lists;
    }

    private static RecommenderEvaluation Score(
        string name, IReadOnlyList<int>[] lists, IReadOnlyList<HeldOutOrder> orders, IReadOnlyList<int> ks)
    {
        var metrics = ks.Select(k =>
        {
            double hitOrders = 0, precision = 0, recall = 0;
            for (var o = 0; o < orders.Count; o++)
            {
                var hits = lists[o].Take(k).Count(orders[o].Items.Contains);
                hitOrders += hits > 0 ? 1 : 0;
                precision += (double)hits / k;
                recall += (double)hits / orders[o].Items.Count;
            }

            var n = Math.Max(1, orders.Count);
            return new MetricsAtK(k, hitOrders / n, precision / n, recall / n);
        });
        return new RecommenderEvaluation(name, orders.Count, [.. metrics]);
    }

    /// <summary>Maps a sub-task's progress in [0, 1] onto [from, to] of the whole.</summary>
    private sealed class Scaled(IProgress<double> inner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (to - from) * value);
    }
}
