namespace MerchDashboard.Engine.Composition;

public enum CurationMode
{
    Auto,
    Curated,
    Locked,
    LockedTopN,
}

/// <summary>
/// The merchandiser's state of one anchor's list. Overrides come in the order they were created: when two
/// pins claim a slot, the earlier one keeps it. Auto and Curated compose alike (Auto means nobody has
/// edited the list yet); <see cref="LockedTopN"/> is read only in <see cref="CurationMode.LockedTopN"/>.
/// </summary>
public sealed record CurationState(CurationMode Mode, IReadOnlyList<Override> Overrides, int LockedTopN = 0)
{
    public static CurationState Auto { get; } = new(CurationMode.Auto, []);

    /// <summary>How many leading slots are the same for every shopper.</summary>
    public int LockedSlots(int slots) => Mode switch
    {
        CurationMode.Locked => slots,
        CurationMode.LockedTopN => Math.Clamp(LockedTopN, 0, slots),
        _ => 0,
    };
}
