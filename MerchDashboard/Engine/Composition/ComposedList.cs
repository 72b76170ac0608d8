using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>Why a slot holds its product; ordered from strongest to weakest.</summary>
public enum SlotSource
{
    Pinned,
    Manual,
    Mined,
    Rule,
    Fallback,
}

/// <summary>
/// The composer's answer. <see cref="Warnings"/> tell the editor about overrides that could not be honoured
/// (a pinned item out of stock, a pin beyond the slots); shoppers never see them. <see cref="LockedSlots"/>
/// counts the leading slots that are the same for every shopper (all of them in a locked list).
/// </summary>
public sealed record ComposedList(
    int AnchorProductId,
    CurationMode Mode,
    string? ShopperLabel,
    string RecommendationId,
    DateTime ComposedAt,
    IReadOnlyList<Slot> Slots,
    IReadOnlyList<string> Warnings,
    int LockedSlots = 0)
{
    /// <summary>
    /// Why the list has fewer than the requested slots, in plain words with counts (empty when it is full);
    /// for the editor, never shown to shoppers.
    /// </summary>
    public IReadOnlyList<ShortfallReason> Shortfall { get; init; } = [];
}

/// <summary>
/// One slot, 1-based. <see cref="Explanation"/> is for the editor and the preview (with notes). <see cref="Pair"/> holds the mined pair statistics (anchor -> product) whenever the
/// product was mined for the anchor, even when a merchandiser pinned or added it. <see cref="Locked"/> says
/// the slot is frozen for every shopper.
/// </summary>
public sealed record Slot(
    int Position,
    ProductInfo Product,
    SlotSource Source,
    bool PersonalizationMoved,
    string Explanation,
    MinedCandidate? Pair,
    bool Locked = false)
{
    private readonly string? _shopperExplanation;

    /// <summary>The explanation a shopper may read: <see cref="Explanation"/> without merchandisers' notes, which are internal.</summary>
    public string ShopperExplanation
    {
        get => _shopperExplanation ?? Explanation;
        init => _shopperExplanation = value;
    }
}
