using System.Buffers;
using System.Text.Encodings.Web;
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
/// A cart's answer written straight from the composition (each explanation piece by piece) is byte for byte the API
/// serializer's JSON of the DTO the endpoint used to build, with the default encoder and with a relaxed one: over the
/// demo store's carts and shoppers, and over generated carts with awkward names, reasons and numbers.
/// </summary>
[Collection(DemoStoreGroup.Name)]
public sealed class CartRecommendationsJsonTests(DemoStoreFixture demo)
{
    private static readonly JavaScriptEncoder?[] Encoders = [null, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    [Fact]
    public void WriteTo_ManyDemoCartsAndShoppers_TheSerializersBytesOfTheDto()
    {
        var snapshot = demo.Snapshots.Current;
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())),
            new FakeTimeProvider(snapshot.LoadedAt.AddMinutes(1)), Options.Create(new StorefrontApiOptions()));
        var (_, asOf) = cache.Current();
        var random = new Random(4242);
        var bundled = snapshot.Mined.Keys.Where(id => snapshot.BundlesFor(id).Count > 0).Order().Take(40).ToList();
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Mined.Keys.Order().Take(80)).Where(id => snapshot.Product(id) is not null).Distinct().ToList();
        var profiles = new ShopperProfileStore(Options.Create(new ShopperProfileOptions()));
        var (compared, moved, itemsets, shared) = (0, 0, 0, 0);

        for (var i = 0; i < 300; i++)
        {
            List<int> cart = i % 2 == 0 && bundled.Count > 0
                ? [.. snapshot.BundlesFor(bundled[random.Next(bundled.Count)])[0].ProductIds.Take(random.Next(2, 4))]
                : [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => anchors[random.Next(anchors.Count)])];
            var customer = i % 6 == 5 ? null : $"C{random.Next(1, 10_001):D6}";
            var shopper = customer is null ? null : profiles.Find(snapshot, customer, asOf);
            var composed = cache.Cart(snapshot, asOf, cart, shopper, random.Next(1, 13));
            Func<SlotSource, string>? sourceName = i % 5 == 0 ? s => $"arm-{s}" : null;
            var json = new CartRecommendationsJson(composed, snapshot, customer, i % 3 == 0 ? "v-1" : null, sourceName,
                i % 5 == 0 ? "Cross-sell test" : null, i % 5 == 0 ? "cross-sell" : null);

            foreach (var encoder in Encoders)
            {
                Written(json, encoder).ShouldBe(Serialized(json.ToDto(), encoder), $"cart {string.Join(",", cart)} for {customer}");
            }
            compared++;
            moved += composed.Slots.Count(s => s.PersonalizationMoved);
            itemsets += composed.Slots.Count(s => s.Basis == CartSlotBasis.BoughtTogether);
            shared += composed.Slots.Count(s => s.ComplementProducts.Count > 1);
        }
        compared.ShouldBe(300);
        moved.ShouldBeGreaterThan(50, "personalization moves cart slots");
        itemsets.ShouldBeGreaterThan(0, "bundles' members give bought-together slots");
        shared.ShouldBeGreaterThan(0, "some slots go with several cart items");
    }

    [Fact]
    public void WriteTo_GeneratedCartsWithAwkwardTextAndNumbers_TheSerializersBytesOfTheDto()
    {
        var snapshot = demo.Snapshots.Current;
        var cartIds = snapshot.Mined.Keys.Order().Take(5).ToArray();
        var random = new Random(11);
        string[] texts = ["plain", "Caf\u00e9 cr\u00e8me", "\"quoted\" & <tagged>", "back\\slash\ttab\nline", "\u2028sep\u2029", "emoji \ud83d\ude00", "'apostrophe'", "", "\u20ac 5", "15.6\" screen", new string('x', 600)];
        double[] numbers = [0, 1, 0.1 + 0.2, 1e-7, 123456.789, double.Epsilon, 1.0 / 3, 2.5e15];
        decimal[] prices = [0m, 19.99m, 19.990m, 1234567.891m, 0.01m, 5m];
        for (var i = 0; i < 1_500; i++)
        {
            string Text() => texts[random.Next(texts.Length)];
            ProductInfo Product(int id) => new(id, "SKU-" + Text(), Text(), "brand", 1, null, prices[random.Next(prices.Length)], null, true, new HashSet<string>());
            var slots = Enumerable.Range(1, random.Next(0, 8)).Select(position => new CartSlot(
                position,
                Product(position),
                (SlotSource)random.Next(5),
                (CartSlotBasis)random.Next(3),
                random.Next(2) == 0,
                random.Next(2) == 0,
                [.. Enumerable.Range(0, random.Next(0, 5)).Select(c => Product(100 + c))],
                "internal: " + Text(),
                random.Next(3) == 0 ? null : new MinedCandidate(position, random.Next(0, 10_000), numbers[random.Next(numbers.Length)],
                    numbers[random.Next(numbers.Length)], numbers[random.Next(numbers.Length)], 0)) { ShopperReason = Text() }).ToList();
            var cart = new CartComposition([.. cartIds.Take(random.Next(0, cartIds.Length + 1))], null, "cart-" + Text(),
                new DateTime(2026, 12, 2, 8, 30, 15, DateTimeKind.Utc).AddTicks(random.Next()), slots, []);
            var json = new CartRecommendationsJson(cart, snapshot, random.Next(3) == 0 ? null : "C" + Text(), random.Next(2) == 0 ? null : Text(),
                null, random.Next(2) == 0 ? null : Text(), random.Next(2) == 0 ? null : Text());

            foreach (var encoder in Encoders)
            {
                Written(json, encoder).ShouldBe(Serialized(json.ToDto(), encoder), $"case {i}");
                Written(json, encoder).ShouldNotContain("internal: ", Case.Sensitive, "a shopper reads the reason without merchandisers' notes");
            }
        }
    }

    [Theory]
    [InlineData(CartSlotBasis.ItemList, new[] { "Racer" }, "Goes with Racer: why")]
    [InlineData(CartSlotBasis.Locked, new[] { "Racer", "Track" }, "Goes with Racer and Track: why")]
    [InlineData(CartSlotBasis.ItemList, new[] { "Racer", "Track", "Cells" }, "Goes with Racer, Track and Cells: why")]
    [InlineData(CartSlotBasis.ItemList, new string[0], "Goes with the cart: why")]
    [InlineData(CartSlotBasis.BoughtTogether, new[] { "Racer", "Track" }, "why")]
    public void Explanation_NamesTheCartItemsBeforeTheReason(CartSlotBasis basis, string[] names, string expected)
    {
        var slot = new CartSlot(1, Named(0, "Cup"), SlotSource.Mined, basis, false, false, [.. names.Select((n, i) => Named(i + 1, n))], "why; note: margin", null)
        {
            ShopperReason = "why",
        };

        slot.ShopperExplanation.ShouldBe(expected);
        slot.Explanation.ShouldBe(expected + "; note: margin");
    }

    private static ProductInfo Named(int id, string name) => new(id, $"S-{id}", name, "brand", 1, null, 1m, null, true, new HashSet<string>());

    private static string Written(CartRecommendationsJson cart, JavaScriptEncoder? encoder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            cart.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Serialized(CartRecommendationsDto dto, JavaScriptEncoder? encoder) =>
        JsonSerializer.Serialize(dto, encoder is null ? DefaultEscaping : RelaxedEscaping);

    private static readonly JsonSerializerOptions DefaultEscaping = ApiOptions(null);
    private static readonly JsonSerializerOptions RelaxedEscaping = ApiOptions(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>The API's serializer settings (<see cref="StorefrontSetup.ApplyApiJsonSettings"/>) with <paramref name="encoder"/>.</summary>
    private static JsonSerializerOptions ApiOptions(JavaScriptEncoder? encoder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = encoder };
        StorefrontSetup.ApplyApiJsonSettings(options);
        return options;
    }
}
