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
/// before it. As on the product page, <see cref="Reason"/> and <see cref="Explanation"/> carry merchandisers' notes (for
/// staff: the checkout preview) and <see cref="ShopperReason"/> and <see cref="ShopperExplanation"/> do not (the storefront API).
/// An explanation is put together when read; an answer written straight to JSON writes it from scratch space
/// (<see cref="WriteShopperExplanation"/>) and never builds the string.
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
    private readonly string? _shopperReason;

    /// <summary><see cref="Reason"/> without merchandisers' notes, which are internal (the same string when there is none).</summary>
    public string ShopperReason
    {
        get => _shopperReason ?? Reason;
        init => _shopperReason = value;
    }

    /// <summary>The ids of <see cref="ComplementProducts"/>, in cart order.</summary>
    public IReadOnlyList<int> Complements => [.. ComplementProducts.Select(p => p.Id)];

    /// <summary>"Goes with A, B and C: " and the reason; a bought-together slot's reason as it is.</summary>
    public string Explanation => Joined(Reason);

    /// <summary><see cref="Explanation"/> without merchandisers' notes: what a shopper may read.</summary>
    public string ShopperExplanation => Joined(ShopperReason);

    /// <summary>
    /// Writes <see cref="ShopperExplanation"/> as a JSON string value without building it: put together in scratch space on
    /// the stack (or rented, for a long one), then escaped in one pass. Measured faster than writing it as string segments.
    /// </summary>
    public void WriteShopperExplanation(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var reason = ShopperReason;
        if (PieceCount == 1)
        {
            writer.WriteStringValue(reason);
            return;
        }
        var length = JoinedLength(reason);
        char[]? rented = null;
        var text = length <= 512 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        JoinInto(text, reason);
        writer.WriteStringValue(text);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private string Joined(string reason) => PieceCount == 1
        ? reason
        : string.Create(JoinedLength(reason), (Slot: this, Reason: reason), static (span, state) => state.Slot.JoinInto(span, state.Reason));

    /// <summary>The explanation's length with <paramref name="reason"/>.</summary>
    private int JoinedLength(string reason)
    {
        var length = 0;
        for (var i = 0; i < PieceCount; i++)
        {
            length += Piece(i, reason).Length;
        }
        return length;
    }

    /// <summary>Copies the explanation's pieces into <paramref name="text"/>, <see cref="JoinedLength"/> characters.</summary>
    private void JoinInto(Span<char> text, string reason)
    {
        for (var i = 0; i < PieceCount; i++)
        {
            var piece = Piece(i, reason);
            piece.CopyTo(text);
            text = text[piece.Length..];
        }
    }

    /// <summary>How many pieces the explanation has: "Goes with ", the names and the words between them, ": ", the reason.</summary>
    private int PieceCount => Basis == CartSlotBasis.BoughtTogether ? 1 : 3 + Math.Max(1, (2 * ComplementProducts.Count) - 1);

    /// <summary>The explanation's piece <paramref name="i"/>: the cart items are named "A", "A and B", "A, B and C".</summary>
    private string Piece(int i, string reason)
    {
        var last = PieceCount - 1;
        if (i == last)
        {
            return reason;
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
