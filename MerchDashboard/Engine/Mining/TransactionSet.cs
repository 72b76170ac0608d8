namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Baskets encoded for mining. Items are dense ints (0 to <see cref="ItemCount"/> - 1) numbered in ascending
/// order of the caller's ids (<see cref="Id"/>), so an itemset sorted by item is also sorted by id, and every
/// tie broken by item is broken by id. Basket <c>b</c> is <c>ItemIds[BasketStarts[b]..BasketStarts[b + 1]]</c>, sorted and distinct.
/// Empty baskets are kept and count in <see cref="BasketCount"/> (N), as in arules.
/// </summary>
public sealed class TransactionSet
{
    private readonly int[] _basketStarts;
    private readonly int[] _itemIds;
    private readonly int[] _ids;
    private readonly int[] _itemCounts;
    private readonly Lazy<(int[] Starts, int[] BasketIds)> _occurrences;

    internal TransactionSet(int[] ids, int[] basketStarts, int[] itemIds)
    {
        _ids = ids;
        _basketStarts = basketStarts;
        _itemIds = itemIds;
        _itemCounts = new int[ids.Length];
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

    public int ItemCount => _ids.Length;

    /// <summary>The most items in one basket: no itemset is longer.</summary>
    public int LongestBasket { get; }

    /// <summary>
    /// What the encoded baskets hold, their TID index included: four bytes per basket, item occurrence (twice)
    /// and item (its id, its count and its TID list start). Labels, when the caller has any, are the caller's.
    /// </summary>
    public long MemoryBytes => 4L * (_basketStarts.Length + (2L * _itemIds.Length) + (3L * _ids.Length) + 1);

    /// <summary>
    /// The same items (same numbering and ids) in only the baskets of at most <paramref name="maxItems"/> items;
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
        return new TransactionSet(_ids, [.. starts], [.. items]);
    }

    /// <summary>The caller's ids of the items, ascending: item <c>i</c> has id <c>Ids[i]</c>.</summary>
    public IReadOnlyList<int> Ids => _ids;

    /// <summary>The caller's id of the item.</summary>
    public int Id(int item) => _ids[item];

    /// <summary>The number of baskets that contain the item.</summary>
    public int ItemSupportCount(int item) => _itemCounts[item];

    public ReadOnlySpan<int> Basket(int basket) =>
        _itemIds.AsSpan(_basketStarts[basket], _basketStarts[basket + 1] - _basketStarts[basket]);

    /// <summary>The item with the caller's id, or -1 when no basket has it.</summary>
    public int ItemOf(int id)
    {
        var index = Array.BinarySearch(_ids, id);
        return index >= 0 ? index : -1;
    }

    /// <summary>The ascending ids of the baskets that contain the item (its "TID list").</summary>
    public ReadOnlySpan<int> BasketsWith(int item)
    {
        var (starts, basketIds) = _occurrences.Value;
        return basketIds.AsSpan(starts[item], starts[item + 1] - starts[item]);
    }

    /// <summary>Encodes baskets of ids; a convenience for tests and small inputs.</summary>
    public static TransactionSet FromBaskets(IEnumerable<IEnumerable<int>> baskets)
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
        var starts = new int[_ids.Length + 1];
        for (var i = 0; i < _ids.Length; i++)
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
