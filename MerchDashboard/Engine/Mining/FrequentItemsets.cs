namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Frequent itemsets (singletons included) with their counts, stored flat: itemset <c>i</c> is
/// <c>Items[Starts[i]..Starts[i + 1]]</c>, its items ascending. The itemsets are in lexicographic order of
/// their items with a proper prefix first ({a}, {a,b}, {a,b,c}, {a,c}, {b}, ...), which, since items
/// follow the order of the caller's ids, is also the item-by-item order of their ids.
/// </summary>
public sealed class FrequentItemsets
{
    private readonly int[] _starts;
    private readonly int[] _items;
    private readonly int[] _counts;

    internal FrequentItemsets(TransactionSet baskets, int minCount, int maxLength, int[] starts, int[] items, int[] counts, long accountedBytes)
    {
        AccountedBytes = accountedBytes;
        Baskets = baskets;
        MinCount = minCount;
        MaxLength = maxLength;
        _starts = starts;
        _items = items;
        _counts = counts;
    }

    public TransactionSet Baskets { get; }
    public int MinCount { get; }
    /// <summary>The longest itemset the search could find: the requested maximum, or the longest basket if shorter or unlimited.</summary>
    public int MaxLength { get; }

    /// <summary>The bytes reserved for these itemsets on the budget they were mined under.</summary>
    public long AccountedBytes { get; }
    public int BasketCount => Baskets.BasketCount;
    public int Count => _counts.Length;

    public ReadOnlySpan<int> Items(int itemset) => _items.AsSpan(_starts[itemset], _starts[itemset + 1] - _starts[itemset]);

    public int Size(int itemset) => _starts[itemset + 1] - _starts[itemset];

    public int SupportCount(int itemset) => _counts[itemset];

    public double Support(int itemset) => (double)_counts[itemset] / BasketCount;

    /// <summary>The index of an itemset given by its ascending item ids, or -1 when it is not frequent.</summary>
    public int IndexOf(ReadOnlySpan<int> items)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = Items(middle).SequenceCompareTo(items);
            if (order == 0)
            {
                return middle;
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    /// <summary>The caller's ids of the itemset's items, ascending.</summary>
    public int[] Ids(int itemset)
    {
        var items = Items(itemset);
        var ids = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            ids[i] = Baskets.Id(items[i]);
        }
        return ids;
    }
}
