using System.Runtime.CompilerServices;

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

    // The hot loops of a one-shot CLI run are compiled optimized at once instead of starting at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Adds a store product by its id, labelled as <see cref="ProductIdLabel"/> says.</summary>
    public void AddProduct(int productId) => AddItem(ProductIdLabel.Format(productId, stackalloc char[ProductIdLabel.Digits]));

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

    /// <summary>Renumbers items in ordinal order of their labels and hands the baskets over.</summary>
    public TransactionSet Build() => Merge([this]);

    /// <summary>Joins encoders that read consecutive parts of one input, baskets in part order.</summary>
    public static TransactionSet Merge(IReadOnlyList<BasketEncoder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelList = new List<string>();
        var itemIds = new int[parts.Sum(p => p._itemLength)];
        var basketStarts = new int[parts.Sum(p => p._basketCount) + 1];
        int items = 0, baskets = 0;
        foreach (var part in parts)
        {
            var toMerged = part._labels.Select(label =>
            {
                if (!ids.TryGetValue(label, out var id))
                {
                    ids[label] = id = labelList.Count;
                    labelList.Add(label);
                }
                return id;
            }).ToArray();
            for (var i = 0; i < part._itemLength; i++)
            {
                itemIds[items + i] = toMerged[part._itemIds[i]];
            }
            for (var b = 1; b <= part._basketCount; b++)
            {
                basketStarts[baskets + b] = items + part._basketStarts[b];
            }
            items += part._itemLength;
            baskets += part._basketCount;
        }
        return InOrdinalOrder([.. labelList], basketStarts, itemIds);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TransactionSet InOrdinalOrder(string[] labels, int[] basketStarts, int[] itemIds)
    {
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
        for (var i = 0; i < itemIds.Length; i++)
        {
            itemIds[i] = newId[itemIds[i]];
        }
        for (var b = 0; b + 1 < basketStarts.Length; b++)
        {
            var basket = itemIds.AsSpan(basketStarts[b], basketStarts[b + 1] - basketStarts[b]);
            if (basket.Length > 1)
            {
                basket.Sort();
            }
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
