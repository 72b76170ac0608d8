namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Baskets encoded for mining. Items are dense ints numbered in ordinal order of their labels
/// (<see cref="string.CompareOrdinal(string, string)"/>), so an itemset sorted by id is also sorted by label.
/// Basket <c>b</c> is <c>ItemIds[BasketStarts[b]..BasketStarts[b + 1]]</c>, sorted and distinct.
/// Empty baskets are kept and count in <see cref="BasketCount"/> (N), as in arules.
/// </summary>
public sealed class TransactionSet
{
    private readonly int[] _basketStarts;
    private readonly int[] _itemIds;
    private readonly string[] _labels;
    private readonly int[] _itemCounts;
    private readonly Lazy<(int[] Starts, int[] BasketIds)> _occurrences;

    internal TransactionSet(string[] labels, int[] basketStarts, int[] itemIds)
    {
        _labels = labels;
        _basketStarts = basketStarts;
        _itemIds = itemIds;
        _itemCounts = new int[labels.Length];
        foreach (var item in itemIds)
        {
            _itemCounts[item]++;
        }
        for (var b = 0; b + 1 < basketStarts.Length; b++)
        {
            LongestBasket = Math.Max(LongestBasket, basketStarts[b + 1] - basketStarts[b]);
        }
        _occurrences = new Lazy<(int[], int[])>(BuildOccurrences);
    }

    /// <summary>N: every basket, empty ones included.</summary>
    public int BasketCount => _basketStarts.Length - 1;

    public int ItemCount => _labels.Length;

    /// <summary>The most items in one basket: no itemset is longer.</summary>
    public int LongestBasket { get; }

    /// <summary>
    /// What the encoded baskets hold, their TID index included: four bytes per basket, item occurrence (twice)
    /// and item count, and each label as a string (26 bytes of overhead, two per char, a reference).
    /// </summary>
    public long MemoryBytes
    {
        get
        {
            long labelBytes = 0;
            foreach (var label in _labels)
            {
                labelBytes += 34 + (2L * label.Length);
            }
            return (4L * (_basketStarts.Length + (2L * _itemIds.Length) + (2L * _labels.Length) + 1)) + labelBytes;
        }
    }

    /// <summary>
    /// The same items (same ids and labels) in only the baskets of at most <paramref name="maxItems"/> items;
    /// this set itself when no basket is longer. N of the result counts the kept baskets only.
    /// </summary>
    public TransactionSet WithBasketsOfAtMost(int maxItems)
    {
        if (LongestBasket <= maxItems)
        {
            return this;
        }
        var starts = new List<int>(_basketStarts.Length) { 0 };
        var items = new List<int>(_itemIds.Length);
        for (var b = 0; b < BasketCount; b++)
        {
            var basket = Basket(b);
            if (basket.Length <= maxItems)
            {
                items.AddRange(basket);
                starts.Add(items.Count);
            }
        }
        return new TransactionSet(_labels, [.. starts], [.. items]);
    }

    public IReadOnlyList<string> Labels => _labels;

    public string Label(int item) => _labels[item];

    /// <summary>The number of baskets that contain the item.</summary>
    public int ItemSupportCount(int item) => _itemCounts[item];

    public ReadOnlySpan<int> Basket(int basket) =>
        _itemIds.AsSpan(_basketStarts[basket], _basketStarts[basket + 1] - _basketStarts[basket]);

    /// <summary>The item's id, or -1 when no basket has it.</summary>
    public int IdOf(string label)
    {
        var index = Array.BinarySearch(_labels, label, StringComparer.Ordinal);
        return index >= 0 ? index : -1;
    }

    /// <summary>The ascending ids of the baskets that contain the item (its "TID list").</summary>
    public ReadOnlySpan<int> BasketsWith(int item)
    {
        var (starts, basketIds) = _occurrences.Value;
        return basketIds.AsSpan(starts[item], starts[item + 1] - starts[item]);
    }

    /// <summary>Encodes baskets of labels; a convenience for tests and small inputs.</summary>
    public static TransactionSet FromBaskets(IEnumerable<IEnumerable<string>> baskets)
    {
        var encoder = new BasketEncoder();
        foreach (var basket in baskets)
        {
            foreach (var item in basket)
            {
                encoder.AddItem(item);
            }
            encoder.EndBasket();
        }
        return encoder.Build();
    }

    private (int[], int[]) BuildOccurrences()
    {
        var starts = new int[_labels.Length + 1];
        for (var i = 0; i < _labels.Length; i++)
        {
            starts[i + 1] = starts[i] + _itemCounts[i];
        }
        var next = starts[..^1];
        var basketIds = new int[_itemIds.Length];
        for (var b = 0; b < BasketCount; b++)
        {
            for (var p = _basketStarts[b]; p < _basketStarts[b + 1]; p++)
            {
                basketIds[next[_itemIds[p]]++] = b;
            }
        }
        return (starts, basketIds);
    }
}
