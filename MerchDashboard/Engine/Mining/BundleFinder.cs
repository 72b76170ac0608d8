namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Finds "bought together" bundles: frequent itemsets of 3 or 4 items that contain the anchor. A bundle
/// S is scored as the rule anchor -> S \ {anchor} with <see cref="RankingScore"/>: (count(S) + m) /
/// (count(anchor) x count(S \ {anchor}) / N + m), a lift against independence of the anchor and the rest,
/// shrunk towards 1 so that a bundle seen a handful of times does not win on lift alone. Ties go to the
/// larger count, then to the items in ascending order of their ids. The index is built once for all anchors.
/// </summary>
public sealed class BundleFinder
{
    public const int MinBundleSize = 3;
    public const int MaxBundleSize = 4;

    private readonly FrequentItemsets _itemsets;
    private readonly double _priorCount;
    private readonly int[][] _bundlesByItem;

    /// <summary>A found bundle's bytes: the record, its id array and the list slot.</summary>
    private const long BytesPerFoundBundle = 160;

    /// <summary>
    /// The most bytes the finder and its results hold: an index entry per item of each itemset of 3 or 4 items
    /// (twice: list growth, then arrays), an array per item, and at most <paramref name="listSize"/> bundles per item.
    /// </summary>
    public static long EstimateBytes(FrequentItemsets itemsets, int listSize)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        long entries = 0;
        for (var set = 0; set < itemsets.Count; set++)
        {
            if (itemsets.Size(set) is >= MinBundleSize and <= MaxBundleSize)
            {
                entries += itemsets.Size(set);
            }
        }
        var items = itemsets.Baskets.ItemCount;
        return (8 * entries) + (32L * items) + (Math.Min(entries, (long)items * listSize) * BytesPerFoundBundle);
    }

    public BundleFinder(FrequentItemsets itemsets, double priorCount)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        _itemsets = itemsets;
        _priorCount = priorCount;
        var lists = new List<int>?[itemsets.Baskets.ItemCount];
        for (var set = 0; set < itemsets.Count; set++)
        {
            if (itemsets.Size(set) is >= MinBundleSize and <= MaxBundleSize)
            {
                foreach (var item in itemsets.Items(set))
                {
                    (lists[item] ??= []).Add(set);
                }
            }
        }
        _bundlesByItem = [.. lists.Select(list => list?.ToArray() ?? [])];
    }

    /// <summary>The best <paramref name="count"/> bundles of the anchor (an item id), best first.</summary>
    public IReadOnlyList<Bundle> Find(int anchor, int count)
    {
        var sets = _bundlesByItem[anchor];
        if (sets.Length == 0 || count <= 0)
        {
            return [];
        }
        // Only the best `count` are kept, in order: a sorted window instead of sorting every itemset of the anchor.
        var best = new List<(int Set, double Score)>(Math.Min(count, sets.Length) + 1);
        var rest = new int[MaxBundleSize - 1];
        foreach (var set in sets)
        {
            var length = 0;
            foreach (var item in _itemsets.Items(set))
            {
                if (item != anchor)
                {
                    rest[length++] = item;
                }
            }
            var restCount = _itemsets.SupportCount(_itemsets.IndexOf(rest.AsSpan(0, length)));
            var expected = (double)_itemsets.Baskets.ItemSupportCount(anchor) * restCount / _itemsets.BasketCount;
            var candidate = (set, RankingScore.Of(_itemsets.SupportCount(set), expected, _priorCount));
            if (best.Count == count && Compare(candidate, best[^1]) >= 0)
            {
                continue;
            }
            var at = best.Count;
            while (at > 0 && Compare(candidate, best[at - 1]) < 0)
            {
                at--;
            }
            best.Insert(at, candidate);
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }
        var scored = best;
        return [.. scored.Select(s => new Bundle(_itemsets.Ids(s.Set), _itemsets.SupportCount(s.Set), _itemsets.Support(s.Set), s.Score))];
    }

    /// <summary>Best first: higher score, then larger count, then the items in ascending order.</summary>
    private int Compare((int Set, double Score) x, (int Set, double Score) y)
    {
        var order = y.Score.CompareTo(x.Score);
        order = order != 0 ? order : _itemsets.SupportCount(y.Set).CompareTo(_itemsets.SupportCount(x.Set));
        return order != 0 ? order : _itemsets.Items(x.Set).SequenceCompareTo(_itemsets.Items(y.Set));
    }
}
