namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Each anchor's candidates from the pair rules anchor -> candidate that pass the thresholds: sorted by
/// <see cref="RankingScore"/> descending, then count descending, then candidate id ascending, cut to the
/// list size. The pairs are indexed by anchor in two flat arrays (four bytes per rule), so ranking holds far
/// less than the rules themselves would (<see cref="RuleGenerator"/>: 64 bytes a rule).
/// </summary>
internal static class CandidateRanking
{
    /// <summary>A kept candidate's bytes: the record, its statistics and the list slot.</summary>
    private const long BytesPerCandidate = 120;

    /// <summary>The index by anchor: one entry per pair and direction, and the anchors' starts.</summary>
    public static long IndexBytes(FrequentItemsets pairs) => (8L * PairCount(pairs)) + (4L * (pairs.Baskets.ItemCount + 1));

    /// <summary>The most the kept lists can take: a candidate per rule, at most K per item.</summary>
    public static long ListBytes(FrequentItemsets pairs, MiningSettings settings) =>
        Math.Min(2 * PairCount(pairs), (long)pairs.Baskets.ItemCount * settings.ListSize) * BytesPerCandidate;

    /// <summary>The ranked lists by anchor id (null: no candidate); the caller reserved <see cref="IndexBytes"/> and <see cref="ListBytes"/>.</summary>
    public static IReadOnlyList<Candidate>?[] Rank(FrequentItemsets pairs, MiningSettings settings,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var baskets = pairs.Baskets;
        var starts = new int[baskets.ItemCount + 1];
        for (var set = 0; set < pairs.Count; set++)
        {
            if (pairs.Size(set) == 2)
            {
                var items = pairs.Items(set);
                starts[items[0] + 1]++;
                starts[items[1] + 1]++;
            }
        }
        for (var item = 0; item < baskets.ItemCount; item++)
        {
            starts[item + 1] += starts[item];
        }
        var next = starts[..^1];
        var entries = new int[starts[^1]];
        for (var set = 0; set < pairs.Count; set++)
        {
            if (pairs.Size(set) == 2)
            {
                var items = pairs.Items(set);
                entries[next[items[0]]++] = set;
                entries[next[items[1]]++] = set;
            }
        }
        progress?.Report(0.2);
        var ranked = new IReadOnlyList<Candidate>?[baskets.ItemCount];
        var kept = new List<Candidate>();
        for (var anchor = 0; anchor < baskets.ItemCount; anchor++)
        {
            if ((anchor & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(0.2 + (0.8 * anchor / baskets.ItemCount));
            }
            kept.Clear();
            foreach (var set in entries.AsSpan(starts[anchor], starts[anchor + 1] - starts[anchor]))
            {
                var items = pairs.Items(set);
                var consequent = items[0] == anchor ? items[1] : items[0];
                var statistics = RuleStatistics.From(pairs.SupportCount(set), baskets.ItemSupportCount(anchor),
                    baskets.ItemSupportCount(consequent), baskets.BasketCount);
                if (settings.Keeps(statistics))
                {
                    kept.Add(new Candidate(baskets.Id(consequent), statistics, RankingScore.Of(statistics, settings.ScorePriorCount)));
                }
            }
            if (kept.Count > 0)
            {
                ranked[anchor] = [.. kept
                    .OrderByDescending(c => c.Score)
                    .ThenByDescending(c => c.Statistics.Count)
                    .ThenBy(c => c.Item)
                    .Take(settings.ListSize)];
            }
        }
        progress?.Report(1);
        return ranked;
    }

    private static long PairCount(FrequentItemsets pairs)
    {
        long count = 0;
        for (var set = 0; set < pairs.Count; set++)
        {
            count += pairs.Size(set) == 2 ? 1 : 0;
        }
        return count;
    }
}
