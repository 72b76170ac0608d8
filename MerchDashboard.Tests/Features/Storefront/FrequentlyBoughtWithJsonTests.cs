using System.Buffers;
using System.Text.Json;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Features.Preview;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>
/// The customer's list written straight from the composed list (its slots shared with the anonymous list copied from that
/// list's JSON) is byte for byte the source-generated serializer's JSON of the DTO the endpoint used to build (compared as UTF-8 text, which both always are): over the demo store's shoppers and anchors, and over generated lists with
/// awkward text and numbers.
/// </summary>
[Collection(DemoStoreGroup.Name)]
public sealed class FrequentlyBoughtWithJsonTests(DemoStoreFixture demo)
{
    [Fact]
    public void WriteTo_ManyShoppersAndAnchors_TheSerializersBytesOfTheDto()
    {
        var snapshot = demo.Snapshots.Current;
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())),
            new FakeTimeProvider(snapshot.LoadedAt.AddMinutes(1)), Options.Create(new StorefrontApiOptions()));
        var random = new Random(1919);
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Mined.Keys.Order().Take(40)).Where(id => snapshot.Product(id) is not null).Distinct().ToList();
        var (compared, withStatistics, personalized, copied) = (0, 0, 0, 0);

        for (var i = 0; i < 400; i++)
        {
            var customer = i % 10 == 0 ? null : $"C{random.Next(1, 10_001):D6}";
            var anchor = snapshot.Product(anchors[random.Next(anchors.Count)])!;
            int? limit = i % 3 == 0 ? random.Next(1, 13) : null;
            var served = cache.FrequentlyBoughtWith(anchor.Sku, customer, limit)!;

            var composed = served.Composed.ShouldNotBeNull();
            var expected = Serialized(ServedListCache.ToDto(anchor.Sku, composed.List, customer));
            Written(composed).ShouldBe(expected, $"{customer} on {anchor.Sku}");
            if (customer is null)
            {
                System.Text.Encoding.UTF8.GetString(served.Utf8Json.ShouldNotBeNull()).ShouldBe(expected, $"anonymous on {anchor.Sku}");
            }
            else
            {
                copied += composed.List.Slots.Where((slot, index) => composed.Anonymous?.SlotJson(index, slot) is not null).Count();
            }
            compared++;
            withStatistics += composed.List.Slots.Count(s => s.Pair is not null);
            personalized += composed.List.Slots.Count(s => s.PersonalizationMoved);
        }
        compared.ShouldBe(400);
        withStatistics.ShouldBeGreaterThan(100, "mined slots carry pair statistics");
        personalized.ShouldBeGreaterThan(50, "known customers get personalized slots");
        copied.ShouldBeGreaterThan(200, "a customer's slots that are the anonymous list's are copied from its JSON");
    }

    [Fact]
    public void WriteTo_GeneratedListsWithAwkwardTextAndNumbers_TheSerializersBytesOfTheDto()
    {
        var random = new Random(7);
        string[] texts = ["plain", "Caf\u00e9 cr\u00e8me", "\"quoted\" & <tagged>", "back\\slash\ttab\nline", "\u2028sep\u2029", "emoji \ud83d\ude00", "'apostrophe'", "", "\u20ac 5"];
        double[] numbers = [0, 1, 0.1 + 0.2, 1e-7, 123456.789, double.Epsilon, 1.0 / 3, 2.5e15];
        decimal[] prices = [0m, 19.99m, 19.990m, 1234567.891m, 0.01m, 5m];
        for (var i = 0; i < 2_000; i++)
        {
            string Text() => texts[random.Next(texts.Length)];
            var slots = Enumerable.Range(1, random.Next(0, 8)).Select(position => new Slot(
                position,
                new ProductInfo(position, "SKU-" + Text(), Text(), "brand", 1, null, prices[random.Next(prices.Length)], null, true, new HashSet<string>()),
                (SlotSource)random.Next(5),
                random.Next(2) == 0,
                Text(),
                random.Next(3) == 0 ? null : new MinedCandidate(position, random.Next(0, 10_000), numbers[random.Next(numbers.Length)],
                    numbers[random.Next(numbers.Length)], numbers[random.Next(numbers.Length)], 0),
                random.Next(2) == 0) { ShopperExplanation = Text() }).ToList();
            var list = new ComposedList(1, (CurationMode)random.Next(4), null, "rec-" + Text(),
                new DateTime(2026, 12, 1, 8, 30, 15, DateTimeKind.Utc).AddTicks(random.Next()), slots, [], random.Next(0, slots.Count + 1));
            var customer = random.Next(3) == 0 ? null : "C" + Text();
            var currency = random.Next(2) == 0 ? "USD" : "EUR";
            var json = new FrequentlyBoughtWithJson("A-" + Text(), list, customer, currency);

            Written(json).ShouldBe(Serialized(ServedListCache.ToDto(json.AnchorSku, list, customer) with { Currency = currency }), $"case {i}");
            json.ToDto().Currency.ShouldBe(currency);
        }
    }

    [Fact]
    public void WriteTo_IndentedWriter_TheSerializersIndentedBytes()
    {
        // Pair statistics are copied as kept minimized JSON; an indented writer must still get indented statistics (a
        // customer's list is written here without copying the anonymous list's slots, which are minimized JSON too).
        var snapshot = demo.Snapshots.Current;
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())),
            new FakeTimeProvider(snapshot.LoadedAt.AddMinutes(1)), Options.Create(new StorefrontApiOptions()));
        var indented = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict, TypeInfoResolver = StorefrontJson.Default };
        var withStatistics = 0;
        foreach (var anchorId in snapshot.Mined.Keys.Order().Take(30))
        {
            var anchor = snapshot.Product(anchorId)!;
            foreach (var customer in new[] { (string?)null, "C000042" })
            {
                var composed = cache.FrequentlyBoughtWith(anchor.Sku, customer, null)!.Composed.ShouldNotBeNull() with { Anonymous = null };
                // Written twice: the second write finds the statistics kept by the first.
                Written(composed);
                Written(composed, new JsonWriterOptions { Indented = true })
                    .ShouldBe(JsonSerializer.Serialize(ServedListCache.ToDto(anchor.Sku, composed.List, customer), indented), $"{customer} on {anchor.Sku}");
                withStatistics += composed.List.Slots.Count(s => s.Pair is not null);
            }
        }
        withStatistics.ShouldBeGreaterThan(30);
    }

    private static string Written(FrequentlyBoughtWithJson list, JsonWriterOptions options = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            list.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Serialized(FrequentlyBoughtWithDto dto) =>
        System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(dto, StorefrontJson.Default.FrequentlyBoughtWithDto));
}
