using System.Diagnostics;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 1 of the contract: the overrides whose window holds the as-of time, split by kind. Pins and
/// excludes keep their creation order; adds are ordered by <see cref="Add.Order"/> (stable).
/// </summary>
internal sealed record OverridesInEffect(IReadOnlyList<Pin> Pins, IReadOnlyList<Add> Adds, IReadOnlyList<int> Excluded)
{
    private static readonly OverridesInEffect None = new([], [], []);

    public static OverridesInEffect At(IReadOnlyList<Override> overrides, DateTime asOf)
    {
        if (overrides.Count == 0)
        {
            return None;
        }
        List<Pin>? pins = null;
        List<Add>? adds = null;
        List<int>? excluded = null;
        foreach (var item in overrides)
        {
            if (!item.IsInEffectAt(asOf))
            {
                continue;
            }
            switch (item)
            {
                case Pin pin:
                    (pins ??= []).Add(pin);
                    break;
                case Add add:
                    (adds ??= []).Add(add);
                    break;
                case Exclude exclude:
                    (excluded ??= []).Add(exclude.ProductId);
                    break;
                default:
                    throw new UnreachableException($"Unknown override {item.GetType().Name}");
            }
        }
        IReadOnlyList<Add> orderedAdds = adds is null ? [] : [.. adds.OrderBy(add => add.Order)];
        return new OverridesInEffect(pins ?? (IReadOnlyList<Pin>)[], orderedAdds, excluded ?? (IReadOnlyList<int>)[]);
    }

    /// <summary>
    /// While a list is locked, its frozen slots come first as pins at their frozen positions (within the
    /// locked slots), keeping the note of the merchandiser's own override of the item; the merchandiser's
    /// other pins follow, and a frozen slot wins a contested position. Unlocked, the pins are unchanged.
    /// </summary>
    public OverridesInEffect WithFrozen(CurationState curation, int slots)
    {
        var lockedSlots = curation.LockedSlots(slots);
        if (!curation.IsLocked || curation.Frozen.Count == 0 || lockedSlots == 0)
        {
            return this;
        }
        var pins = new List<Pin>(curation.Frozen.Count + Pins.Count);
        var frozenIds = new HashSet<int>();
        foreach (var slot in curation.Frozen.OrderBy(f => f.Position))
        {
            if (slot.Position >= 1 && slot.Position <= lockedSlots && frozenIds.Add(slot.ProductId))
            {
                pins.Add(new Pin(slot.ProductId, slot.Position, NoteOf(slot.ProductId)));
            }
        }
        pins.AddRange(Pins.Where(pin => !frozenIds.Contains(pin.ProductId)));
        return this with { Pins = pins };
    }

    private string NoteOf(int productId)
    {
        foreach (var pin in Pins)
        {
            if (pin.ProductId == productId)
            {
                return pin.Note;
            }
        }
        foreach (var add in Adds)
        {
            if (add.ProductId == productId)
            {
                return add.Note;
            }
        }
        return "";
    }

    public bool IsExcluded(int productId)
    {
        for (var i = 0; i < Excluded.Count; i++)
        {
            if (Excluded[i] == productId)
            {
                return true;
            }
        }
        return false;
    }
}
