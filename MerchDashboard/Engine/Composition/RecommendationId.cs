namespace MerchDashboard.Engine.Composition;

/// <summary>
/// A deterministic id for one composed list, so impressions and clicks can be traced to the exact list a
/// shopper saw: 16 lowercase hex digits of the 64-bit FNV-1a hash of the anchor id, the shopper label
/// ("anonymous" without one; UTF-16 code units), the as-of time in ticks, and the slot product ids in order.
/// Integers are hashed as their little-endian bytes. The same inputs always give the same id.
/// </summary>
public static class RecommendationId
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string For(int anchorProductId, string? shopperLabel, DateTime asOf, IReadOnlyList<Slot> slots) =>
        Finish(Mix(OffsetBasis, (uint)anchorProductId, 4), shopperLabel, asOf, slots, static slot => slot.Product.Id);

    /// <summary>A cart's list: as <see cref="For"/>, hashing "cart" and then every cart product id in place of the anchor id.</summary>
    public static string ForCart(IReadOnlyList<int> cartProductIds, string? shopperLabel, DateTime asOf, IReadOnlyList<CartSlot> slots)
    {
        var hash = MixText(OffsetBasis, "cart");
        // Indexed loops here and below: a foreach over a read-only list allocates an enumerator on every request.
        for (var i = 0; i < cartProductIds.Count; i++)
        {
            hash = Mix(hash, (uint)cartProductIds[i], 4);
        }
        return Finish(hash, shopperLabel, asOf, slots, static slot => slot.Product.Id);
    }

    /// <summary>A shopper's "recommended for you" list: as <see cref="For"/>, hashing "recommendations" in place of the anchor id.</summary>
    public static string ForShopper(string shopperLabel, DateTime asOf, IReadOnlyList<int> productIds) =>
        Finish(MixText(OffsetBasis, "recommendations"), shopperLabel, asOf, productIds, static id => id);

    /// <summary>The part every id shares after what names the list: the shopper label, the as-of ticks, the slot product ids in order.</summary>
    private static string Finish<TSlot>(ulong hash, string? shopperLabel, DateTime asOf, IReadOnlyList<TSlot> slots, Func<TSlot, int> productIdOf)
    {
        hash = MixText(hash, shopperLabel ?? "anonymous");
        hash = Mix(hash, (ulong)asOf.Ticks, 8);
        for (var i = 0; i < slots.Count; i++)
        {
            hash = Mix(hash, (uint)productIdOf(slots[i]), 4);
        }
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    private static ulong MixText(ulong hash, string text)
    {
        foreach (var unit in text)
        {
            hash = Mix(hash, unit, 2);
        }
        return hash;
    }

    private static ulong Mix(ulong hash, ulong value, int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            hash = (hash ^ ((value >> (8 * i)) & 0xFF)) * Prime;
        }
        return hash;
    }
}
