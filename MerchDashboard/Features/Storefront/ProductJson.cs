using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// A product's SKU, name and price as the storefront's answers write them, encoded once per product instead of per slot
/// of every answer (escaping and transcoding the two strings and formatting the price were a measured share of writing a
/// cart's answer; docs/benchmarks.md). Kept while the product (its snapshot's catalog) lives: at most one entry per
/// product and encoder (the lists' default one, the API's) of the snapshots still in use, gone with them. Each encoder has
/// its own entries, so the bytes are always the ones that writer would write.
/// </summary>
internal static class ProductJson
{
    private static readonly ConditionalWeakTable<ProductInfo, Encoded> WithDefaultEncoder = new();
    private static readonly ConditionalWeakTable<JavaScriptEncoder, ConditionalWeakTable<ProductInfo, Encoded>> WithOtherEncoder = new();

    /// <summary>Writes the properties <paramref name="sku"/>, <paramref name="name"/> and <paramref name="price"/> of <paramref name="product"/>.</summary>
    public static void WriteSkuNamePrice(Utf8JsonWriter writer, ProductInfo product, JsonEncodedText sku, JsonEncodedText name, JsonEncodedText price)
    {
        var encoded = For(writer, product);
        writer.WriteString(sku, encoded.Sku);
        writer.WriteString(name, encoded.Name);
        writer.WritePropertyName(price);
        writer.WriteRawValue(encoded.Price, skipInputValidation: true);
    }

    /// <summary>Writes <paramref name="product"/>'s SKU as an array element.</summary>
    public static void WriteSkuValue(Utf8JsonWriter writer, ProductInfo product) => writer.WriteStringValue(For(writer, product).Sku);

    /// <summary>The other encoder last asked for and its entries: the API has one, so a request skips finding its table.</summary>
    private static EncoderTable? s_lastOther;

    private static Encoded For(Utf8JsonWriter writer, ProductInfo product)
    {
        var encoder = writer.Options.Encoder;
        var kept = encoder is null ? WithDefaultEncoder : TableFor(encoder);
        if (kept.TryGetValue(product, out var encoded))
        {
            return encoded;
        }
        encoded = Encode(product, encoder);
        return kept.TryAdd(product, encoded) || !kept.TryGetValue(product, out var first) ? encoded : first;
    }

    private static ConditionalWeakTable<ProductInfo, Encoded> TableFor(JavaScriptEncoder encoder)
    {
        if (Volatile.Read(ref s_lastOther) is { } last && ReferenceEquals(last.Encoder, encoder))
        {
            return last.Products;
        }
        var table = WithOtherEncoder.GetValue(encoder, static _ => new());
        Volatile.Write(ref s_lastOther, new EncoderTable(encoder, table));
        return table;
    }

    private static Encoded Encode(ProductInfo product, JavaScriptEncoder? encoder)
    {
        // The price as Utf8JsonWriter.WriteNumber writes a decimal (a test compares every answer with the serializer's bytes).
        var price = BufferedJson.ToKeep(product.Price, static (json, price) => json.WriteNumberValue(price));
        return new Encoded(JsonEncodedText.Encode(product.Sku, encoder), JsonEncodedText.Encode(product.Name, encoder), price);
    }

    private sealed record EncoderTable(JavaScriptEncoder Encoder, ConditionalWeakTable<ProductInfo, Encoded> Products);

    private sealed record Encoded(JsonEncodedText Sku, JsonEncodedText Name, byte[] Price);
}
