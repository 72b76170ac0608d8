using System.Text.Json;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// A cart's list as composed, written as JSON without its DTO: byte for byte what the API's serializer writes for
/// <see cref="CartEndpoints.ToDto"/>'s <see cref="CartRecommendationsDto"/> with the same options (a test compares them over
/// many carts and shoppers), in the DTO's property order. Carts are composed per request, so the DTO (SKU lists, slot
/// records, each explanation put together from the cart items' names and the reason) was a measured share of one
/// (docs/benchmarks.md); here each explanation is written without building its string (<see cref="CartSlot.WriteShopperExplanation"/>; as every storefront answer, without merchandisers' notes).
/// </summary>
public sealed record CartRecommendationsJson(
    CartComposition Cart, StoreSnapshot Snapshot, string? CustomerId, string? VisitorId, Func<SlotSource, string>? SourceName,
    string? Experiment, string? Arm) : IWritesJson
{
    private static readonly JsonEncodedText RecommendationId = JsonEncodedText.Encode("recommendationId");
    private static readonly JsonEncodedText ComposedAt = JsonEncodedText.Encode("composedAt");
    private static readonly JsonEncodedText Customer = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText Visitor = JsonEncodedText.Encode("visitorId");
    private static readonly JsonEncodedText CartName = JsonEncodedText.Encode("cart");
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText ExperimentName = JsonEncodedText.Encode("experiment");
    private static readonly JsonEncodedText ArmName = JsonEncodedText.Encode("arm");
    private static readonly JsonEncodedText Slot = JsonEncodedText.Encode("slot");
    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Locked = JsonEncodedText.Encode("locked");
    private static readonly JsonEncodedText Personalized = JsonEncodedText.Encode("personalized");
    private static readonly JsonEncodedText Complements = JsonEncodedText.Encode("complements");
    private static readonly JsonEncodedText Basis = JsonEncodedText.Encode("basis");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");

    /// <summary>The same answer as a DTO (what the JSON must equal; the OpenAPI document's schema).</summary>
    public CartRecommendationsDto ToDto() =>
        CartEndpoints.ToDto(Cart, Snapshot, CustomerId, VisitorId, SourceName) with { Experiment = Experiment, Arm = Arm };

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString(RecommendationId, Cart.RecommendationId);
        writer.WriteString(ComposedAt, Cart.ComposedAt);
        writer.WriteString(Customer, CustomerId);
        writer.WriteString(Visitor, VisitorId);
        writer.WriteStartArray(CartName);
        // Indexed loops: a foreach over these read-only lists allocates an enumerator each.
        var cart = Cart.CartProductIds;
        for (var i = 0; i < cart.Count; i++)
        {
            ProductJson.WriteSkuValue(writer, Snapshot.Product(cart[i])!);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Items);
        var slots = Cart.Slots;
        for (var i = 0; i < slots.Count; i++)
        {
            WriteSlot(writer, slots[i]);
        }
        writer.WriteEndArray();
        writer.WriteString(ExperimentName, Experiment);
        writer.WriteString(ArmName, Arm);
        writer.WriteEndObject();
    }

    private void WriteSlot(Utf8JsonWriter writer, CartSlot slot)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Slot, slot.Position);
        ProductJson.WriteSkuNamePrice(writer, slot.Product, Sku, Name, Price);
        writer.WriteString(Source, (SourceName ?? RecommendationEndpoints.SourceName)(slot.Source));
        writer.WriteBoolean(Locked, slot.Locked);
        writer.WriteBoolean(Personalized, slot.PersonalizationMoved);
        writer.WriteStartArray(Complements);
        var complements = slot.ComplementProducts;
        for (var i = 0; i < complements.Count; i++)
        {
            ProductJson.WriteSkuValue(writer, complements[i]);
        }
        writer.WriteEndArray();
        writer.WriteString(Basis, CartEndpoints.BasisName(slot.Basis));
        writer.WritePropertyName(Explanation);
        slot.WriteShopperExplanation(writer);
        FrequentlyBoughtWithJson.WriteStatistics(writer, slot.Pair);
        writer.WriteEndObject();
    }
}
