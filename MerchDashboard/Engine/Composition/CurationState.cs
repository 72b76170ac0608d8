namespace MerchDashboard.Engine.Composition;

public enum CurationMode
{
    Auto,
    Curated,
    Locked,
    LockedTopN,
}

/// <summary>
/// One slot as a lock froze it: the product every shopper saw at <see cref="Position"/> (1-based) when the
/// list was locked, and why it was there then (a drift alert concerns only items that were mined).
/// </summary>
public sealed record FrozenSlot(int ProductId, int Position, SlotSource Source);

/// <summary>
/// The merchandiser's state of one anchor's list. Overrides come in the order they were created: when two
/// pins claim a slot, the earlier one keeps it. Auto and Curated compose alike (Auto means nobody has
/// edited the list yet); <see cref="LockedTopN"/> is read only in <see cref="CurationMode.LockedTopN"/>.
/// <see cref="Frozen"/> is what the lock froze, kept apart from the overrides so that unlocking gives the
/// overrides back untouched; it is read only while the list is locked.
/// </summary>
public sealed record CurationState(CurationMode Mode, IReadOnlyList<Override> Overrides, int LockedTopN = 0)
{
    public static CurationState Auto { get; } = new(CurationMode.Auto, []);

    public IReadOnlyList<FrozenSlot> Frozen { get; init; } = [];

    public bool IsLocked => Mode is CurationMode.Locked or CurationMode.LockedTopN;

    /// <summary>How many leading slots are the same for every shopper.</summary>
    public int LockedSlots(int slots) => Mode switch
    {
        CurationMode.Locked => slots,
        CurationMode.LockedTopN => Math.Clamp(LockedTopN, 0, slots),
        _ => 0,
    };
}
