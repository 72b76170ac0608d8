namespace MerchDashboard.Engine.Mining;

/// <summary>
/// A full mining run: frequent itemsets, rules, and for each anchor its candidates ranked by
/// <see cref="RankingScore"/> (best first; ties by larger count, then candidate label, ordinal) and its
/// bundles from <see cref="BundleFinder"/>. Only single-item antecedents feed the candidate lists.
/// </summary>
public static class AssociationMiner
{
    /// <summary>Mines with settings that <see cref="MiningSettings.Validate"/> accepted; invalid settings are a caller bug.</summary>
    public static MiningResult Run(TransactionSet baskets, MiningSettings settings,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(settings));
        }
        var minCount = settings.MinCountFor(baskets.BasketCount);
        var itemsets = FrequentItemsetMiner.Mine(baskets, minCount, settings.MaxLength,
            progress is null ? null : new ScaledProgress(progress, 0.9), cancellationToken);
        var rules = RuleGenerator.Generate(itemsets, settings, cancellationToken);
        var candidates = new List<AssociationRule>?[baskets.ItemCount];
        foreach (var rule in rules)
        {
            var items = itemsets.Items(rule.Itemset);
            if (items.Length == 2)
            {
                (candidates[items[1 - rule.ConsequentPosition]] ??= []).Add(rule);
            }
        }
        var bundles = settings.MaxLength >= BundleFinder.MinBundleSize ? new BundleFinder(itemsets, settings.ScorePriorCount) : null;
        var anchors = new List<AnchorSuggestions>();
        for (var anchor = 0; anchor < baskets.ItemCount; anchor++)
        {
            var ranked = Rank(itemsets, candidates[anchor], settings);
            var anchorBundles = bundles?.Find(anchor, settings.ListSize) ?? [];
            if (ranked.Count > 0 || anchorBundles.Count > 0)
            {
                anchors.Add(new AnchorSuggestions(baskets.Label(anchor), baskets.ItemSupportCount(anchor), ranked, anchorBundles));
            }
        }
        progress?.Report(1);
        return new MiningResult(settings, baskets.BasketCount, minCount, anchors);
    }

    private static IReadOnlyList<Candidate> Rank(FrequentItemsets itemsets, List<AssociationRule>? rules, MiningSettings settings)
    {
        if (rules is null)
        {
            return [];
        }
        return [.. rules
            .Select(rule => new Candidate(itemsets.Baskets.Label(rule.Consequent(itemsets)), rule.Statistics,
                RankingScore.Of(rule.Statistics, settings.ScorePriorCount)))
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Statistics.Count)
            .ThenBy(c => c.Item, StringComparer.Ordinal)
            .Take(settings.ListSize)];
    }
}

/// <summary>Reports a fraction of a larger task synchronously (Progress&lt;T&gt; would post, and could arrive after "done").</summary>
internal sealed class ScaledProgress(IProgress<double> inner, double scale) : IProgress<double>
{
    public void Report(double value) => inner.Report(scale * value);
}
