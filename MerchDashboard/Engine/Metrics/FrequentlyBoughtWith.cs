using System.Collections.Frozen;

namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// The current frequently-bought-with items of each anchor product, as attach rates read them. Each anchor also
/// gets a dense slot (0..Anchors−1) so per-anchor counts can live in arrays instead of hash maps.
/// </summary>
public sealed class FrequentlyBoughtWith
{
    private readonly FrozenDictionary<int, (int Slot, int[] Items)> _lists;
    private readonly int[] _anchorOfSlot;

    public FrequentlyBoughtWith(IEnumerable<KeyValuePair<int, IEnumerable<int>>> lists)
    {
        var nonEmpty = lists.Select(l => (Anchor: l.Key, Items: l.Value.Distinct().ToArray()))
            .Where(l => l.Items.Length > 0)
            .OrderBy(l => l.Anchor)
            .ToArray();
        _anchorOfSlot = [.. nonEmpty.Select(l => l.Anchor)];
        _lists = nonEmpty.Select((l, slot) => KeyValuePair.Create(l.Anchor, (slot, l.Items))).ToFrozenDictionary();
    }

    public static FrequentlyBoughtWith From(IReadOnlyDictionary<int, int[]> lists) =>
        new(lists.Select(l => KeyValuePair.Create(l.Key, (IEnumerable<int>)l.Value)));

    public int Anchors => _anchorOfSlot.Length;

    public int AnchorOfSlot(int slot) => _anchorOfSlot[slot];

    public bool TryGetItems(int anchor, out int[] items) => TryGetItems(anchor, out _, out items);

    public bool TryGetItems(int anchor, out int slot, out int[] items)
    {
        if (_lists.TryGetValue(anchor, out var entry))
        {
            (slot, items) = entry;
            return true;
        }
        (slot, items) = (-1, []);
        return false;
    }
}
