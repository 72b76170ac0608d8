using System.Text.Json;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// A customer's frequently-bought-with list as composed, written as JSON without its DTO: byte for byte what
/// <see cref="StorefrontJson"/> writes for <see cref="ServedListCache.ToDto"/>'s <see cref="FrequentlyBoughtWithDto"/>
/// (a test compares them over many shoppers and anchors), in the DTO's property order, with the same encoder and
/// number formats. Personalized lists are composed per request, so the DTO and its serializer were a measured share of
/// such a request (docs/benchmarks.md).
/// </summary>
public sealed record FrequentlyBoughtWithJson(string AnchorSku, ComposedList List, string? CustomerId, string Currency) : IWritesJson
{
    /// <summary>
    /// The anchor's anonymous list as written, when this is a customer's list of the same composition: a slot the
    /// customer's list shares with it (the same slot, at the same position) is copied from its JSON instead of written again.
    /// </summary>
    public WrittenList? Anonymous { get; init; }

    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
    private static readonly JsonEncodedText RecommendationId = JsonEncodedText.Encode("recommendationId");
    private static readonly JsonEncodedText ComposedAt = JsonEncodedText.Encode("composedAt");
    private static readonly JsonEncodedText Customer = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText LockedSlots = JsonEncodedText.Encode("lockedSlots");
    private static readonly JsonEncodedText Experiment = JsonEncodedText.Encode("experiment");
    private static readonly JsonEncodedText Arm = JsonEncodedText.Encode("arm");
    private static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Slot = JsonEncodedText.Encode("slot");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Personalized = JsonEncodedText.Encode("personalized");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText Statistics = JsonEncodedText.Encode("statistics");
    private static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText Support = JsonEncodedText.Encode("support");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Lift = JsonEncodedText.Encode("lift");
    private static readonly JsonEncodedText Locked = JsonEncodedText.Encode("locked");
    private static readonly JsonEncodedText[] SourceNames =
        [.. Enum.GetValues<SlotSource>().Select(s => JsonEncodedText.Encode(RecommendationEndpoints.SourceName(s)))];

    /// <summary>The same list as a DTO, for callers that change it (experiment arms).</summary>
    public FrequentlyBoughtWithDto ToDto() => ServedListCache.ToDto(AnchorSku, List, CustomerId) with { Currency = Currency };

    public void WriteTo(Utf8JsonWriter writer) => WriteTo(writer, slotRanges: null, written: null);

    /// <summary>
    /// A slot's pair statistics as the DTO's <c>statistics</c> (null without a mined pair); carts write theirs the same way.
    /// Minimized answers copy the object's bytes as <see cref="PairStatisticsJson"/> keeps them.
    /// </summary>
    internal static void WriteStatistics(Utf8JsonWriter writer, MinedCandidate? pair)
    {
        if (pair is null)
        {
            writer.WriteNull(Statistics);
            return;
        }
        writer.WritePropertyName(Statistics);
        if (writer.Options.Indented)
        {
            WriteStatisticsObject(writer, pair);
            return;
        }
        writer.WriteRawValue(PairStatisticsJson.For(pair, WriteStatisticsObject), skipInputValidation: true);
    }

    private static void WriteStatisticsObject(Utf8JsonWriter writer, MinedCandidate pair)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Count, pair.CoPurchaseCount);
        writer.WriteNumber(Support, pair.Support);
        writer.WriteNumber(Confidence, pair.Confidence);
        writer.WriteNumber(Lift, pair.Lift);
        writer.WriteEndObject();
    }

    /// <summary>Written once, with where each slot's JSON lies, for the customers' lists of the same composition.</summary>
    public WrittenList Written()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        var ranges = new (int Start, int Length)[List.Slots.Count];
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer, ranges, buffer);
        }
        return new WrittenList(buffer.WrittenSpan.ToArray(), List.Slots, ranges);
    }

    /// <summary>With <paramref name="slotRanges"/>, records where each slot lies in <paramref name="written"/>, the writer's output.</summary>
    private void WriteTo(Utf8JsonWriter writer, (int Start, int Length)[]? slotRanges, System.Buffers.ArrayBufferWriter<byte>? written)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString(Sku, AnchorSku);
        writer.WriteString(Mode, RecommendationEndpoints.ModeName(List.Mode));
        writer.WriteString(RecommendationId, List.RecommendationId);
        writer.WriteString(ComposedAt, List.ComposedAt);
        writer.WriteString(Customer, CustomerId);
        writer.WriteStartArray(Items);
        var slots = List.Slots;
        for (var i = 0; i < slots.Count; i++)
        {
            if (slotRanges is not null)
            {
                // Positions are read from the output, after a flush.
                writer.Flush();
            }
            var start = written?.WrittenCount ?? 0;
            if (Anonymous?.SlotJson(i, slots[i]) is { } json)
            {
                writer.WriteRawValue(json.Span, skipInputValidation: true);
            }
            else
            {
                WriteSlot(writer, slots[i]);
            }
            if (slotRanges is not null)
            {
                writer.Flush();
                // After the first slot the writer puts the comma in front of the object.
                var first = start + (i > 0 ? 1 : 0);
                slotRanges[i] = (first, written!.WrittenCount - first);
            }
        }
        writer.WriteEndArray();
        writer.WriteNumber(LockedSlots, List.LockedSlots);
        writer.WriteNull(Experiment);
        writer.WriteNull(Arm);
        writer.WriteString(CurrencyName, Currency);
        writer.WriteEndObject();
    }

    private static void WriteSlot(Utf8JsonWriter writer, Engine.Composition.Slot slot)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Slot, slot.Position);
        ProductJson.WriteSkuNamePrice(writer, slot.Product, Sku, Name, Price);
        writer.WriteString(Source, SourceNames[(int)slot.Source]);
        writer.WriteBoolean(Personalized, slot.PersonalizationMoved);
        writer.WriteString(Explanation, slot.ShopperExplanation);
        WriteStatistics(writer, slot.Pair);
        writer.WriteBoolean(Locked, slot.Locked);
        writer.WriteEndObject();
    }
}

/// <summary>A list's JSON and where each of its slots' objects lies in it (<see cref="FrequentlyBoughtWithJson.Written"/>).</summary>
public sealed class WrittenList(byte[] utf8, IReadOnlyList<Engine.Composition.Slot> slots, (int Start, int Length)[] slotRanges)
{
    public byte[] Utf8 => utf8;

    /// <summary>The JSON of slot <paramref name="index"/> when the list holds <paramref name="slot"/> itself there; else null.</summary>
    public ReadOnlyMemory<byte>? SlotJson(int index, Engine.Composition.Slot slot)
    {
        if (index >= slots.Count || !ReferenceEquals(slots[index], slot))
        {
            // Not "cond ? memory : null": null would convert through byte[] to an empty memory.
            return null;
        }
        return new ReadOnlyMemory<byte>(utf8, slotRanges[index].Start, slotRanges[index].Length);
    }
}
