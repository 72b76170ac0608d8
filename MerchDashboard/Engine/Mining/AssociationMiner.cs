namespace MerchDashboard.Engine.Mining;

/// <summary>
/// A full mining run within a <see cref="MemoryBudget"/>, level by level: pairs first (they alone feed the
/// candidate lists of <see cref="CandidateRanking"/>), then itemsets of 3 to 4 items for the bundles of
/// <see cref="BundleFinder"/> (longer itemsets feed nothing the app shows). When a level would exceed the
/// budget it is mined again at a doubled minimum count, until it fits: pairs always fit in the end (at a
/// count above the most frequent item's, nothing is frequent), bundles may end with none. What was given
/// up is <see cref="MiningResult.Fallback"/>; with enough budget the result is the plain one.
/// </summary>
public static class AssociationMiner
{
    /// <summary>Mines within the default budget, reporting one overall fraction.</summary>
    public static MiningResult Run(TransactionSet baskets, MiningSettings settings,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Run(baskets, settings, MemoryBudget.FromMegabytes(MemoryBudget.DefaultMegabytes),
            progress is null ? null : new OverallProgress(progress), cancellationToken);

    /// <summary>
    /// Mines with settings that <see cref="MiningSettings.Validate"/> accepted (invalid settings are a caller bug).
    /// Throws <see cref="InvalidOperationException"/> when the encoded baskets alone exceed the budget.
    /// </summary>
    public static MiningResult Run(TransactionSet baskets, MiningSettings settings, MemoryBudget budget,
        IProgress<MiningProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(budget);
        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(settings));
        }
        if (!budget.TryReserve(baskets.MemoryBytes))
        {
            throw new InvalidOperationException(
                $"The orders alone take {baskets.MemoryBytes / (1 << 20):N0} MB once encoded, more than the mining memory budget of {budget.LimitMegabytes:N0} MB: raise Mining:MemoryBudgetMB.");
        }
        var minCount = settings.MinCountFor(baskets.BasketCount);
        var (pairs, pairsFitAt) = MineFitting(baskets, minCount, 2, budget,
            p => CandidateRanking.IndexBytes(p) + CandidateRanking.ListBytes(p, settings), Phase(progress, MiningPhase.Pairs), cancellationToken);
        if (pairs is null)
        {
            throw new InvalidOperationException($"The mining memory budget of {budget.LimitMegabytes:N0} MB is spent before any pair: raise Mining:MemoryBudgetMB.");
        }
        var pairMinCount = pairsFitAt ?? minCount;
        var candidates = CandidateRanking.Rank(pairs, settings, Phase(progress, MiningPhase.RulesAndRanking), cancellationToken);
        budget.Release(pairs.AccountedBytes + CandidateRanking.IndexBytes(pairs));

        FrequentItemsets? longer = null;
        var bundleMinCount = (int?)null;
        if (settings.Mines(BundleFinder.MinBundleSize))
        {
            var bundleLength = settings.Mines(BundleFinder.MaxBundleSize) ? BundleFinder.MaxBundleSize : BundleFinder.MinBundleSize;
            var bundleBaskets = baskets.WithBasketsOfAtMost(settings.MaxBundleBasketItems);
            var shortBasketBytes = ReferenceEquals(bundleBaskets, baskets) ? 0 : bundleBaskets.MemoryBytes;
            if (budget.TryReserve(shortBasketBytes))
            {
                (longer, bundleMinCount) = MineFitting(bundleBaskets, pairMinCount, bundleLength, budget, l => BundleFinder.EstimateBytes(l, settings.ListSize),
                    Phase(progress, MiningPhase.LongerItemsets), cancellationToken);
            }
        }
        var bundles = longer is null ? null : new BundleFinder(longer, settings.ScorePriorCount);
        var bundleProgress = Phase(progress, MiningPhase.Bundles);
        var anchors = new List<AnchorSuggestions>();
        for (var anchor = 0; anchor < baskets.ItemCount; anchor++)
        {
            if ((anchor & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bundleProgress?.Report((double)anchor / baskets.ItemCount);
            }
            var ranked = candidates[anchor] ?? [];
            var anchorBundles = bundles?.Find(anchor, settings.ListSize) ?? [];
            if (ranked.Count > 0 || anchorBundles.Count > 0)
            {
                anchors.Add(new AnchorSuggestions(baskets.Id(anchor), baskets.ItemSupportCount(anchor), ranked, anchorBundles));
            }
        }
        bundleProgress?.Report(1);
        var fellBack = pairMinCount != minCount || (settings.Mines(BundleFinder.MinBundleSize) && bundleMinCount != minCount);
        return new MiningResult(settings, baskets.BasketCount, minCount, anchors,
            fellBack ? new MiningFallback(budget.LimitMegabytes, minCount, pairMinCount, bundleMinCount) : null);
    }

    /// <summary>
    /// Itemsets of up to <paramref name="maxLength"/> items at the smallest of minCount, 2 x minCount, 4 x minCount, ...
    /// whose itemsets and follow-up structures (<paramref name="followUpBytes"/>) fit the budget, both left reserved;
    /// (null, null) when even a count above every item's fails, which can only happen when the budget is nearly spent.
    /// </summary>
    private static (FrequentItemsets? Itemsets, int? MinCount) MineFitting(TransactionSet baskets, int minCount, int maxLength,
        MemoryBudget budget, Func<FrequentItemsets, long> followUpBytes, PhaseProgress? progress, CancellationToken cancellationToken)
    {
        var mostFrequent = Enumerable.Range(0, baskets.ItemCount).Select(baskets.ItemSupportCount).DefaultIfEmpty(0).Max();
        for (long count = minCount; ; count *= 2)
        {
            budget.ResetExceeded();
            var attempt = (int)Math.Min(count, int.MaxValue);
            var itemsets = FrequentItemsetMiner.TryMine(baskets, attempt, maxLength, budget, progress, cancellationToken);
            if (itemsets is not null)
            {
                if (budget.TryReserve(followUpBytes(itemsets)))
                {
                    progress?.Report(1);
                    return (itemsets, attempt);
                }
                budget.Release(itemsets.AccountedBytes);
            }
            if (attempt > mostFrequent)
            {
                return (null, null);
            }
        }
    }

    private static PhaseProgress? Phase(IProgress<MiningProgress>? progress, MiningPhase phase) =>
        progress is null ? null : new PhaseProgress(progress, phase);
}

/// <summary>Reports one phase's fraction synchronously (Progress&lt;T&gt; would post, and could arrive after "done").</summary>
internal sealed class PhaseProgress(IProgress<MiningProgress> inner, MiningPhase phase) : IProgress<double>
{
    public void Report(double value) => inner.Report(new MiningProgress(phase, value));
}

/// <summary>The engine's four phases as one fraction: pairs to 40%, longer itemsets to 80%, rules to 90%, bundles to 100%.</summary>
internal sealed class OverallProgress(IProgress<double> inner) : IProgress<MiningProgress>
{
    public void Report(MiningProgress value) => inner.Report(value.Phase switch
    {
        MiningPhase.Pairs => 0.4 * value.Fraction,
        MiningPhase.RulesAndRanking => 0.4 + (0.1 * value.Fraction),
        MiningPhase.LongerItemsets => 0.5 + (0.3 * value.Fraction),
        _ => 0.8 + (0.2 * value.Fraction),
    });
}
