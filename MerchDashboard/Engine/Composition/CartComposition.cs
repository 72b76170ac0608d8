using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>Why a cart slot holds its product, strongest first (PRODUCT.md, "Cart composition").</summary>
public enum CartSlotBasis
{
    /// <summary>A locked slot of a cart item's list.</summary>
    Locked,

    /// <summary>A mined itemset of three or more products whose other members (two or more) are all in the cart.</summary>
    BoughtTogether,

    /// <summary>A free slot of one or more cart items' composed lists.</summary>
    ItemList,
}

/// <summary>The cart composer's answer; <see cref="Warnings"/> are for staff, never for shoppers.</summary>
public sealed record CartComposition(
    IReadOnlyList<int> CartProductIds,
    string? ShopperLabel,
    string RecommendationId,
    DateTime ComposedAt,
    IReadOnlyList<CartSlot> Slots,
    IReadOnlyList<string> Warnings);

/// <summary>
/// One cart slot, 1-based. <see cref="Complements"/> are the cart items (ids, in cart order) it goes with;
/// <see cref="Source"/> and <see cref="Pair"/> come from the first of them whose list holds the product
/// (<see cref="SlotSource.Mined"/> and no pair for an itemset). <see cref="PersonalizationMoved"/> is true
/// when the slot's position differs from the anonymous shopper's cart.
/// </summary>
public sealed record CartSlot(
    int Position,
    ProductInfo Product,
    SlotSource Source,
    CartSlotBasis Basis,
    bool Locked,
    bool PersonalizationMoved,
    IReadOnlyList<int> Complements,
    string Explanation,
    MinedCandidate? Pair);
