using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Baskets of SKU strings as the engine takes them, ints: the SKU at position k of <see cref="Labels"/> (ordinal
/// order, <see cref="string.CompareOrdinal(string, string)"/>) has id k. The engine numbers its items in id order,
/// so its itemsets, rules and tie-breaks follow the SKUs' ordinal order, as arules' output does. Built by
/// <see cref="SkuBasketBuilder"/>; the writers map items back through <see cref="Label"/>.
/// </summary>
public sealed class LabelledBaskets
{
    /// <summary>A label's bytes on the heap: the string's 22-byte header and terminator, two per char, and its reference.</summary>
    private const long BytesPerLabel = 34;

    private readonly string[] _labels;

    internal LabelledBaskets(TransactionSet baskets, string[] labels)
    {
        Baskets = baskets;
        _labels = labels;
    }

    public TransactionSet Baskets { get; }

    /// <summary>Every SKU seen, in ordinal order; a SKU's position is its id.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The SKU of an engine item (<see cref="TransactionSet"/> numbering).</summary>
    public string Label(int item) => _labels[Baskets.Id(item)];

    /// <summary>The engine item of a SKU, or -1 when no basket has it.</summary>
    public int ItemOf(string sku)
    {
        var id = Array.BinarySearch(_labels, sku, StringComparer.Ordinal);
        return id >= 0 ? Baskets.ItemOf(id) : -1;
    }

    /// <summary>The encoded baskets (<see cref="TransactionSet.MemoryBytes"/>) and the labels, as one budget reservation.</summary>
    public long MemoryBytes
    {
        get
        {
            var bytes = Baskets.MemoryBytes;
            foreach (var label in _labels)
            {
                bytes += BytesPerLabel + (2L * label.Length);
            }
            return bytes;
        }
    }

    /// <summary>Encodes baskets of SKUs; a convenience for tests and small inputs.</summary>
    public static LabelledBaskets FromBaskets(IEnumerable<IEnumerable<string>> baskets)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        var builder = new SkuBasketBuilder();
        foreach (var basket in baskets)
        {
            foreach (var sku in basket)
            {
                builder.AddItem(sku);
            }
            builder.EndBasket();
        }
        return builder.Build();
    }
}
