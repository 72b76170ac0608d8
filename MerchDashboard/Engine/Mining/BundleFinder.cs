namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Finds "bought together" bundles: frequent itemsets of 3 or 4 items that contain the anchor. A bundle
/// S is scored as the rule anchor -> S \ {anchor} with <see cref="RankingScore"/>: (count(S) + m) /
/// (count(anchor) x count(S \ {anchor}) / N + m), a lift against independence of the anchor and the rest,
/// shrunk towards 1 so that a bundle seen a handful of times does not win on lift alone. Ties go to the
/// larger count, then to the items in ordinal order. The index is built once for all anchors.
/// </summary>
public sealed class BundleFinder
{
    public const int MinBundleSize = 3;
    public const int MaxBundleSize = 4;

    private readonly FrequentItemsets _itemsets;
    private readonly double _priorCount;
    private readonly int[][] _bundlesByItem;

    /// <summary>A found bundle's bytes: the record, its label array and the list slot.</summary>
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
        if (sets.Length == 0)
        {
            return [];
        }
        var scored = new (int Set, double Score)[sets.Length];
        var rest = new int[MaxBundleSize - 1];
        for (var i = 0; i < sets.Length; i++)
        {
            var length = 0;
            foreach (var item in _itemsets.Items(sets[i]))
            {
                if (item != anchor)
                {
                    rest[length++] = item;
                }
            }
            var restCount = _itemsets.SupportCount(_itemsets.IndexOf(rest.AsSpan(0, length)));
            var expected = (double)_itemsets.Baskets.ItemSupportCount(anchor) * restCount / _itemsets.BasketCount;
            scored[i] = (sets[i], RankingScore.Of(_itemsets.SupportCount(sets[i]), expected, _priorCount));
        }
        Array.Sort(scored, (x, y) =>
        {
            var order = y.Score.CompareTo(x.Score);
            order = order != 0 ? order : _itemsets.SupportCount(y.Set).CompareTo(_itemsets.SupportCount(x.Set));
            return order != 0 ? order : _itemsets.Items(x.Set).SequenceCompareTo(_itemsets.Items(y.Set));
        });
        return [.. scored.Take(count).Select(s => new Bundle(_itemsets.Labels(s.Set), _itemsets.SupportCount(s.Set), _itemsets.Support(s.Set), s.Score))];
    }
}
