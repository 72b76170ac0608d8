using System.Collections.Frozen;

namespace MerchDashboard.Engine.Metrics;

/// <summary>The current frequently-bought-with items of each anchor product, as attach rates read them.</summary>
public sealed class FrequentlyBoughtWith
{
    private readonly FrozenDictionary<int, int[]> _lists;

    public FrequentlyBoughtWith(IEnumerable<KeyValuePair<int, IEnumerable<int>>> lists) =>
        _lists = lists.Select(l => KeyValuePair.Create(l.Key, l.Value.Distinct().ToArray()))
            .Where(l => l.Value.Length > 0)
            .ToFrozenDictionary();

    public static FrequentlyBoughtWith From(IReadOnlyDictionary<int, int[]> lists) =>
        new(lists.Select(l => KeyValuePair.Create(l.Key, (IEnumerable<int>)l.Value)));

    public int Anchors => _lists.Count;

    public bool TryGetItems(int anchor, out int[] items) => _lists.TryGetValue(anchor, out items!);
}
