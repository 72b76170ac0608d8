namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Each anchor's candidates from the pair rules anchor -> candidate: sorted by <see cref="RankingScore"/>
/// descending, then count descending, then candidate label (ordinal), cut to the list size.
/// </summary>
internal static class CandidateRanking
{
    /// <summary>A ranked candidate's bytes: the record, its statistics and the list slot.</summary>
    private const long BytesPerCandidate = 120;

    /// <summary>The most bytes the ranked lists can take: a candidate per pair rule, at most K per item.</summary>
    public static long EstimateBytes(FrequentItemsets pairs, MiningSettings settings)
    {
        long rules = 0;
        for (var set = 0; set < pairs.Count; set++)
        {
            rules += pairs.Size(set) == 2 ? 2 : 0;
        }
        return Math.Min(rules, (long)pairs.Baskets.ItemCount * settings.ListSize) * BytesPerCandidate;
    }

    /// <summary>The ranked lists by anchor id (null: no candidate); the caller reserved <see cref="EstimateBytes"/>.</summary>
    public static IReadOnlyList<Candidate>?[] Rank(FrequentItemsets pairs, MiningSettings settings,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var rules = RuleGenerator.Generate(pairs, settings, cancellationToken);
        var byAnchor = new List<AssociationRule>?[pairs.Baskets.ItemCount];
        foreach (var rule in rules)
        {
            var items = pairs.Items(rule.Itemset);
            (byAnchor[items[1 - rule.ConsequentPosition]] ??= []).Add(rule);
        }
        progress?.Report(0.5);
        var ranked = new IReadOnlyList<Candidate>?[byAnchor.Length];
        for (var anchor = 0; anchor < byAnchor.Length; anchor++)
        {
            if ((anchor & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (byAnchor[anchor] is not { } anchorRules)
            {
                continue;
            }
            ranked[anchor] = [.. anchorRules
                .Select(rule => new Candidate(pairs.Baskets.Label(rule.Consequent(pairs)), rule.Statistics,
                    RankingScore.Of(rule.Statistics, settings.ScorePriorCount)))
                .OrderByDescending(c => c.Score)
                .ThenByDescending(c => c.Statistics.Count)
                .ThenBy(c => c.Item, StringComparer.Ordinal)
                .Take(settings.ListSize)];
        }
        progress?.Report(1);
        return ranked;
    }
}
