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
    int LockedSlots = 0);

/// <summary>
/// One slot, 1-based. <see cref="Pair"/> holds the mined pair statistics (anchor -> product) whenever the
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
    bool Locked = false);
