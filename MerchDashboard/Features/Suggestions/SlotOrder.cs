using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Suggestions;

/// <summary>
/// Turns a move in the final list into the pins of a Reorder: the items up to the furthest slot the move
/// touched (or the last pinned slot, whichever is later) are pinned in their new order; the rest stays automatic.
/// </summary>
public static class SlotOrder
{
    public static IReadOnlyList<int> Move(IReadOnlyList<Slot> slots, int from, int to)
    {
        var ids = slots.Select(s => s.Product.Id).ToList();
        to = Math.Clamp(to, 0, ids.Count - 1);
        var moved = ids[from];
        ids.RemoveAt(from);
        ids.Insert(to, moved);
        var lastPinned = slots.Select((s, i) => s.Source == SlotSource.Pinned ? i : -1).DefaultIfEmpty(-1).Max();
        return ids.Take(Math.Max(Math.Max(from, to), lastPinned) + 1).ToList();
    }
}
