using System.Text.Json;
using System.Text.Json.Serialization;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Source-generated JSON for the storefront's hot responses, with the API's settings (web defaults: camelCase; numbers
/// as numbers only), so writing them needs no reflection; the output is byte for byte what the reflection-based
/// serializer writes (a test compares them).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(FrequentlyBoughtWithDto))]
[JsonSerializable(typeof(CartRecommendationsDto))]
[JsonSerializable(typeof(CartRecommendationRequest))]
[JsonSerializable(typeof(MerchDashboard.Features.Curation.CuratedListDto))]
public sealed partial class StorefrontJson : JsonSerializerContext
{
    public static byte[] Utf8(FrequentlyBoughtWithDto list) => JsonSerializer.SerializeToUtf8Bytes(list, Default.FrequentlyBoughtWithDto);
}
