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
/// One cart slot, 1-based. <see cref="ComplementProducts"/> are the cart items it goes with, in cart order;
/// <see cref="Source"/> and <see cref="Pair"/> come from the first of them whose list holds the product
/// (<see cref="SlotSource.Mined"/> and no pair for an itemset). <see cref="PersonalizationMoved"/> is true
/// when the slot's position differs from the anonymous shopper's cart. <see cref="Reason"/> is the list slot's explanation
/// (a bought-together slot: the itemset's, which is the whole explanation); <see cref="Explanation"/> names the cart items
/// before it. The explanation is put together when read, or written to JSON piece by piece (<see cref="WriteExplanation"/>),
/// so an answer written straight to JSON never builds it.
/// </summary>
public sealed record CartSlot(
    int Position,
    ProductInfo Product,
    SlotSource Source,
    CartSlotBasis Basis,
    bool Locked,
    bool PersonalizationMoved,
    IReadOnlyList<ProductInfo> ComplementProducts,
    string Reason,
    MinedCandidate? Pair)
{
    /// <summary>The ids of <see cref="ComplementProducts"/>, in cart order.</summary>
    public IReadOnlyList<int> Complements => [.. ComplementProducts.Select(p => p.Id)];

    /// <summary>"Goes with A, B and C: " and the reason; a bought-together slot's reason as it is.</summary>
    public string Explanation
    {
        get
        {
            var count = PieceCount;
            if (count == 1)
            {
                return Piece(0);
            }
            var length = 0;
            for (var i = 0; i < count; i++)
            {
                length += Piece(i).Length;
            }
            return string.Create(length, this, static (span, slot) =>
            {
                for (var i = 0; i < slot.PieceCount; i++)
                {
                    var piece = slot.Piece(i);
                    piece.CopyTo(span);
                    span = span[piece.Length..];
                }
            });
        }
    }

    /// <summary>Writes <see cref="Explanation"/> as one JSON string, piece by piece (the same escaping as the whole string).</summary>
    public void WriteExplanation(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var count = PieceCount;
        for (var i = 0; i < count; i++)
        {
            writer.WriteStringValueSegment(Piece(i), isFinalSegment: i == count - 1);
        }
    }

    /// <summary>How many pieces the explanation has: "Goes with ", the names and the words between them, ": ", the reason.</summary>
    private int PieceCount => Basis == CartSlotBasis.BoughtTogether ? 1 : 3 + Math.Max(1, (2 * ComplementProducts.Count) - 1);

    /// <summary>The explanation's piece <paramref name="i"/>: the cart items are named "A", "A and B", "A, B and C".</summary>
    private string Piece(int i)
    {
        var last = PieceCount - 1;
        if (i == last)
        {
            return Reason;
        }
        if (i == 0)
        {
            return "Goes with ";
        }
        if (i == last - 1)
        {
            return ": ";
        }
        var names = ComplementProducts.Count;
        if (names == 0)
        {
            return "the cart";
        }
        var k = i - 1;
        if (k % 2 == 0)
        {
            return ComplementProducts[k / 2].Name;
        }
        return k == (2 * names) - 3 ? " and " : ", ";
    }
}
