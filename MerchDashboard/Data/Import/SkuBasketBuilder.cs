using System.Runtime.CompilerServices;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Data.Import;

/// <summary>
/// Builds <see cref="LabelledBaskets"/> one SKU at a time without allocating per item: SKUs are interned through
/// a span lookup (a SKU is allocated once, when first seen) and numbered in the order first seen; the final
/// numbering, ordinal order of the SKUs, is known only once every part is read (<see cref="Merge"/>). SKUs are
/// trimmed; empty ones are dropped; a SKU repeated in a basket counts once.
/// </summary>
public sealed class SkuBasketBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _labels = [];
    private readonly BasketEncoder _encoder = new();

    public SkuBasketBuilder() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int BasketCount => _encoder.BasketCount;

    // The hot loop of a one-shot CLI run is compiled optimized at once instead of starting at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddItem(ReadOnlySpan<char> sku)
    {
        sku = sku.Trim();
        if (sku.IsEmpty)
        {
            return;
        }
        if (!_lookup.TryGetValue(sku, out var id))
        {
            id = _labels.Count;
            var text = sku.ToString();
            _labels.Add(text);
            _ids.Add(text, id);
        }
        _encoder.AddItem(id);
    }

    /// <summary>Closes the current basket (possibly empty) and starts the next.</summary>
    public void EndBasket() => _encoder.EndBasket();

    public LabelledBaskets Build() => Merge([this]);

    /// <summary>
    /// Joins builders that read consecutive parts of one input, baskets in part order: the SKUs of all parts are
    /// sorted ordinally, each part's ids are renumbered to their SKU's position (parts in parallel), and the
    /// engine joins the parts. A builder is spent once merged.
    /// </summary>
    public static LabelledBaskets Merge(IReadOnlyList<SkuBasketBuilder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var labels = parts.SelectMany(p => p._labels).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(labels, StringComparer.Ordinal);
        var idOf = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var id = 0; id < labels.Length; id++)
        {
            idOf[labels[id]] = id;
        }
        Parallel.For(0, parts.Count, part =>
        {
            var builder = parts[part];
            builder._encoder.Renumber([.. builder._labels.Select(label => idOf[label])]);
        });
        return new LabelledBaskets(BasketEncoder.Merge([.. parts.Select(p => p._encoder)]), labels);
    }
}
