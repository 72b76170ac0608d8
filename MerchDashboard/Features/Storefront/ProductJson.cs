using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// A product's SKU, name and price as the storefront's answers write them, encoded once per product instead of per slot
/// of every answer (escaping and transcoding the two strings and formatting the price were a measured share of writing a
/// cart's answer; docs/benchmarks.md). Each encoder (the lists' default one, the API's) has its own table, so the bytes are
/// always the ones that writer would write. A table is indexed by product id and an entry is used only for the very
/// product it was encoded from (a product of another snapshot, with the same id, replaces it): at most one entry per
/// product id and encoder, each keeping its product (of the snapshot that last wrote it) alive. Reading an array slot
/// replaced a <c>ConditionalWeakTable</c> lookup, whose entries and dependent handles cost several cache misses per
/// product under load (docs/benchmarks.md).
/// </summary>
internal static class ProductJson
{
    private static readonly Table WithDefaultEncoder = new(encoder: null);
    private static readonly ConditionalWeakTable<JavaScriptEncoder, Table> WithOtherEncoder = new();

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

    /// <summary>The other encoder's table last asked for: the API has one, so a request skips finding it.</summary>
    private static Table? s_lastOther;

    private static Encoded For(Utf8JsonWriter writer, ProductInfo product)
    {
        var encoder = writer.Options.Encoder;
        return (encoder is null ? WithDefaultEncoder : TableFor(encoder)).For(product);
    }

    private static Table TableFor(JavaScriptEncoder encoder)
    {
        if (Volatile.Read(ref s_lastOther) is { } last && ReferenceEquals(last.Encoder, encoder))
        {
            return last;
        }
        var table = WithOtherEncoder.GetValue(encoder, static encoder => new Table(encoder));
        Volatile.Write(ref s_lastOther, table);
        return table;
    }

    /// <summary>One encoder's entries: an array by product id up to <see cref="MaxIndexedId"/>, a dictionary above it.</summary>
    private sealed class Table(JavaScriptEncoder? encoder)
    {
        /// <summary>Ids up to this are array slots (at most 8 MB of references); larger ids, rare in a store, are looked up.</summary>
        private const int MaxIndexedId = 1 << 20;

        private readonly Lock _growing = new();
        private Encoded?[] _byId = new Encoded?[1024];
        private readonly ConcurrentDictionary<int, Encoded> _large = new();

        public JavaScriptEncoder? Encoder => encoder;

        public Encoded For(ProductInfo product)
        {
            var id = product.Id;
            if (id is < 0 or > MaxIndexedId)
            {
                return _large.TryGetValue(id, out var found) && ReferenceEquals(found.Product, product)
                    ? found
                    : _large[id] = Encode(product, encoder);
            }
            var byId = Volatile.Read(ref _byId);
            if (id < byId.Length && Volatile.Read(ref byId[id]) is { } kept && ReferenceEquals(kept.Product, product))
            {
                return kept;
            }
            var encoded = Encode(product, encoder);
            Volatile.Write(ref SlotOf(id)[id], encoded);
            return encoded;
        }

        /// <summary>The array that has a slot for <paramref name="id"/>, grown (to the next power of two) when it has not.</summary>
        private Encoded?[] SlotOf(int id)
        {
            var byId = Volatile.Read(ref _byId);
            if (id < byId.Length)
            {
                return byId;
            }
            lock (_growing)
            {
                byId = _byId;
                if (id >= byId.Length)
                {
                    var grown = new Encoded?[Math.Min((int)BitOperations.RoundUpToPowerOf2((uint)id + 1), MaxIndexedId + 1)];
                    Array.Copy(byId, grown, byId.Length);
                    Volatile.Write(ref _byId, grown);
                    byId = grown;
                }
                return byId;
            }
        }
    }

    private static Encoded Encode(ProductInfo product, JavaScriptEncoder? encoder)
    {
        // The price as Utf8JsonWriter.WriteNumber writes a decimal (a test compares every answer with the serializer's bytes).
        var price = BufferedJson.ToKeep(product.Price, static (json, price) => json.WriteNumberValue(price));
        return new Encoded(product, JsonEncodedText.Encode(product.Sku, encoder), JsonEncodedText.Encode(product.Name, encoder), price);
    }

    private sealed record Encoded(ProductInfo Product, JsonEncodedText Sku, JsonEncodedText Name, byte[] Price);
}
