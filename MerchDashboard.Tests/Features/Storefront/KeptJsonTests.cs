using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Storefront;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>
/// The JSON pieces the answers keep instead of writing them again: a pair's statistics (a bounded cache keyed by the pair's
/// identity) and a product's SKU, name and price (a table by product id, each entry for the product it was made from).
/// Neither may ever answer with another pair's or product's bytes, however many there are and in whatever order they come.
/// </summary>
public sealed class KeptJsonTests
{
    [Fact]
    public void PairStatistics_ManyMorePairsThanEntriesInRandomOrder_EachAnswerIsItsOwnPairsJson()
    {
        var random = new Random(19);
        // Three times the entries, so pairs keep taking each other's sets; equal numbers on distinct pairs as well.
        var pairs = Enumerable.Range(0, 3 * PairStatisticsJson.Entries)
            .Select(i => new MinedCandidate(i, random.Next(1, 50), random.Next(4) == 0 ? 0.5 : random.NextDouble(), random.NextDouble(), 1 + (9 * random.NextDouble()), 1))
            .ToArray();
        var expected = pairs.Select(p => Written(w => Statistics(w, p))).ToArray();

        for (var k = 0; k < 4 * pairs.Length; k++)
        {
            // Mostly a small hot set, as lists repeat, with the rest of the pairs in between.
            var i = random.Next(3) == 0 ? random.Next(pairs.Length) : random.Next(2_000);
            var answer = PairStatisticsJson.For(pairs[i], Statistics);
            if (!answer.AsSpan().SequenceEqual(expected[i]))
            {
                answer.ShouldBe(expected[i], $"pair {i}");
            }
        }
    }

    [Fact]
    public void ProductParts_ProductsOfAnotherSnapshotWithTheSameIdsAndLargeIds_EachAnswerIsItsOwnProducts()
    {
        var random = new Random(23);
        int[] ids = [1, 2, 3, 1023, 1024, 5000, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, int.MaxValue];
        // Each id in three "snapshots" whose products differ; the table must answer for the very product asked.
        var products = ids.SelectMany(id => Enumerable.Range(0, 3).Select(s => new ProductInfo(
            id, $"SKU-{id}-{s}", $"Name \"{id}\" \u00e9 {s}", "brand", 1, null, 10m + s + (id % 7), null, true, new HashSet<string>()))).ToArray();
        foreach (var encoder in new JavaScriptEncoder?[] { null, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            for (var k = 0; k < 2_000; k++)
            {
                var product = products[random.Next(products.Length)];
                var options = new JsonWriterOptions { Encoder = encoder };
                Written(w => { w.WriteStartObject(); ProductJson.WriteSkuNamePrice(w, product, Sku, Name, Price); w.WriteEndObject(); }, options)
                    .ShouldBe(Written(w => { w.WriteStartObject(); w.WriteString(Sku, product.Sku); w.WriteString(Name, product.Name); w.WriteNumber(Price, product.Price); w.WriteEndObject(); }, options),
                        $"product {product.Sku}");
            }
        }
    }

    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");

    private static void Statistics(Utf8JsonWriter writer, MinedCandidate pair)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", pair.CoPurchaseCount);
        writer.WriteNumber("support", pair.Support);
        writer.WriteNumber("confidence", pair.Confidence);
        writer.WriteNumber("lift", pair.Lift);
        writer.WriteEndObject();
    }

    private static byte[] Written(Action<Utf8JsonWriter> write, JsonWriterOptions options = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
