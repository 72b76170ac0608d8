using System.Runtime.CompilerServices;

namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Builds a <see cref="TransactionSet"/> one item id at a time without allocating per item. Ids are the
/// caller's (product ids, or interned labels numbered by the caller), non-negative; an id repeated in a
/// basket counts once. <see cref="Build"/> numbers the items densely in ascending order of their ids.
/// </summary>
public sealed class BasketEncoder
{
    /// <summary>
    /// Ids below this many times the item occurrences (plus <see cref="DirectMapSlack"/>) are renumbered through a
    /// table indexed by id: four bytes per possible id, so at most 16 bytes per occurrence plus 4 MB, held only
    /// while <see cref="Merge"/> runs. Sparser ids (say ids near <see cref="int.MaxValue"/>) go through a
    /// dictionary of the distinct ids instead: slower, and bounded by the distinct ids.
    /// </summary>
    private const int DirectMapIdsPerOccurrence = 4;
    private const int DirectMapSlack = 1 << 20;

    private int[] _itemIds = new int[1024];
    private int[] _basketStarts = new int[256];
    private int _itemLength;
    private int _basketCount;
    private int _maxId = -1;

    public int BasketCount => _basketCount;

    // The hot loops of a one-shot CLI run are compiled optimized at once instead of starting at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddItem(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (_itemLength == _itemIds.Length)
        {
            Array.Resize(ref _itemIds, _itemIds.Length * 2);
        }
        _itemIds[_itemLength++] = id;
        _maxId = Math.Max(_maxId, id);
    }

    /// <summary>Closes the current basket (possibly empty) and starts the next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndBasket()
    {
        var start = _basketStarts[_basketCount];
        _itemLength = start + SortDistinct(_itemIds.AsSpan(start, _itemLength - start));
        if (_basketCount + 2 > _basketStarts.Length)
        {
            Array.Resize(ref _basketStarts, _basketStarts.Length * 2);
        }
        _basketStarts[++_basketCount] = _itemLength;
    }

    /// <summary>
    /// Replaces every id <c>i</c> added so far by <c>newIds[i]</c>, keeping each basket sorted and distinct
    /// (two ids mapped to one count once). For a caller that numbered its items before knowing their final order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Renumber(ReadOnlySpan<int> newIds)
    {
        _maxId = -1;
        var length = 0;
        for (var b = 0; b < _basketCount; b++)
        {
            var (start, end) = (_basketStarts[b], _basketStarts[b + 1]);
            _basketStarts[b] = length;
            for (var p = start; p < end; p++)
            {
                var id = newIds[_itemIds[p]];
                ArgumentOutOfRangeException.ThrowIfNegative(id, nameof(newIds));
                _itemIds[length + p - start] = id;
                _maxId = Math.Max(_maxId, id);
            }
            length += SortDistinct(_itemIds.AsSpan(length, end - start));
        }
        _basketStarts[_basketCount] = _itemLength = length;
    }

    /// <summary>Numbers the items densely in ascending order of their ids and hands the baskets over.</summary>
    public TransactionSet Build() => Merge([this]);

    /// <summary>Joins encoders that read consecutive parts of one input, baskets in part order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TransactionSet Merge(IReadOnlyList<BasketEncoder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var itemIds = new int[parts.Sum(p => p._itemLength)];
        var basketStarts = new int[parts.Sum(p => p._basketCount) + 1];
        int items = 0, baskets = 0;
        foreach (var part in parts)
        {
            part._itemIds.AsSpan(0, part._itemLength).CopyTo(itemIds.AsSpan(items));
            for (var b = 1; b <= part._basketCount; b++)
            {
                basketStarts[baskets + b] = items + part._basketStarts[b];
            }
            items += part._itemLength;
            baskets += part._basketCount;
        }
        var maxId = parts.Select(p => p._maxId).DefaultIfEmpty(-1).Max();
        var ids = (long)maxId < ((long)DirectMapIdsPerOccurrence * itemIds.Length) + DirectMapSlack
            ? RenumberThroughTable(itemIds, maxId)
            : RenumberThroughDictionary(itemIds);
        // Ascending ids get ascending items, so every basket stays sorted.
        return new TransactionSet(ids, basketStarts, itemIds);
    }

    /// <summary>Replaces each id by its rank among the distinct ids and returns those ids, ascending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] RenumberThroughTable(int[] itemIds, int maxId)
    {
        var itemOf = new int[maxId + 1];
        foreach (var id in itemIds)
        {
            itemOf[id] = 1;
        }
        var ids = new List<int>();
        for (var id = 0; id <= maxId; id++)
        {
            if (itemOf[id] != 0)
            {
                itemOf[id] = ids.Count;
                ids.Add(id);
            }
        }
        for (var i = 0; i < itemIds.Length; i++)
        {
            itemIds[i] = itemOf[itemIds[i]];
        }
        return [.. ids];
    }

    private static int[] RenumberThroughDictionary(int[] itemIds)
    {
        var ids = itemIds.Distinct().Order().ToArray();
        var itemOf = new Dictionary<int, int>(ids.Length);
        for (var item = 0; item < ids.Length; item++)
        {
            itemOf[ids[item]] = item;
        }
        for (var i = 0; i < itemIds.Length; i++)
        {
            itemIds[i] = itemOf[itemIds[i]];
        }
        return ids;
    }

    private static int SortDistinct(Span<int> items)
    {
        if (items.Length < 2)
        {
            return items.Length;
        }
        items.Sort();
        var length = 1;
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i] != items[length - 1])
            {
                items[length++] = items[i];
            }
        }
        return length;
    }
}
