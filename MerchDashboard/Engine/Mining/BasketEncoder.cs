namespace MerchDashboard.Engine.Mining;

/// <summary>
/// Builds a <see cref="TransactionSet"/> one item at a time without allocating per item: labels are
/// interned through a span lookup, so a label is allocated once, when first seen. Items are trimmed;
/// empty labels are dropped; an item repeated in a basket counts once.
/// </summary>
public sealed class BasketEncoder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _labels = [];
    private int[] _itemIds = new int[1024];
    private int[] _basketStarts = new int[256];
    private int _itemLength;
    private int _basketCount;

    public BasketEncoder() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int BasketCount => _basketCount;

    public void AddItem(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (label.IsEmpty)
        {
            return;
        }
        if (!_lookup.TryGetValue(label, out var id))
        {
            id = _labels.Count;
            var text = label.ToString();
            _labels.Add(text);
            _ids.Add(text, id);
        }
        if (_itemLength == _itemIds.Length)
        {
            Array.Resize(ref _itemIds, _itemIds.Length * 2);
        }
        _itemIds[_itemLength++] = id;
    }

    /// <summary>Closes the current basket (possibly empty) and starts the next.</summary>
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

    /// <summary>Renumbers items in ordinal order of their labels and hands the baskets over.</summary>
    public TransactionSet Build()
    {
        var labels = _labels.ToArray();
        var order = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(labels, order, StringComparer.Ordinal);
        var newId = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            newId[order[i]] = i;
        }
        var itemIds = _itemIds[.._itemLength];
        for (var i = 0; i < itemIds.Length; i++)
        {
            itemIds[i] = newId[itemIds[i]];
        }
        var basketStarts = _basketStarts[..(_basketCount + 1)];
        for (var b = 0; b < _basketCount; b++)
        {
            itemIds.AsSpan(basketStarts[b], basketStarts[b + 1] - basketStarts[b]).Sort();
        }
        return new TransactionSet(labels, basketStarts, itemIds);
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
