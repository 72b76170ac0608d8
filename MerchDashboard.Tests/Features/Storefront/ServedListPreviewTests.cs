using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Features.Preview;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>
/// The storefront's lists are the shopper preview's: for many shoppers (customers drawn from 10,000 ids, some unknown to
/// the store) and anchors (every curated list and mined ones), on a test clock across a day boundary.
/// </summary>
[Collection(DemoStoreGroup.Name)]
public sealed class ServedListPreviewTests(DemoStoreFixture demo)
{
    [Fact]
    public void FrequentlyBoughtWith_ManyShoppersOnSeveralDays_TheListThePreviewShowsAtTheServedInstant()
    {
        var preview = new PreviewServices(demo);
        var snapshot = demo.Snapshots.Current;
        var clock = new FakeTimeProvider(snapshot.LoadedAt.AddMinutes(1));
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())), clock,
            Options.Create(new StorefrontApiOptions()));
        var random = new Random(19);
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Mined.Keys.Order().Take(30)).Where(id => snapshot.Product(id) is not null).Distinct().ToList();
        var customers = Enumerable.Range(0, 120).Select(_ => $"C{random.Next(1, 10_001):D6}").ToList<string?>();
        customers.Add(null);
        var (compared, personalized, unknown) = (0, 0, 0);

        foreach (var now in new[] { snapshot.LoadedAt.AddMinutes(1), snapshot.LoadedAt.Date.AddDays(1).AddHours(5), snapshot.LoadedAt.Date.AddDays(2).AddHours(23) })
        {
            clock.SetUtcNow(now);
            var asOf = ServingTimeline.Of(snapshot).At(now).AsOf;
            foreach (var customer in customers)
            {
                foreach (var anchor in anchors.OrderBy(_ => random.Next()).Take(6))
                {
                    var served = cache.FrequentlyBoughtWith(snapshot.Product(anchor)!.Sku, customer, limit: null)!.Dto;
                    var known = customer is not null && snapshot.CustomerIdsByExternalId.ContainsKey(customer);
                    var shopper = known ? preview.Shoppers.Build(new ShopperChoice.Customer(customer!, customer!), asOf) : preview.Shoppers.Build(ShopperChoice.NewVisitor, asOf);
                    var page = preview.Previewer.Preview(anchor, shopper, asOf)!.FrequentlyBoughtWith;

                    served.ComposedAt.ShouldBe(asOf);
                    served.CustomerId.ShouldBe(customer);
                    served.Items.Select(i => i.Sku).ShouldBe(page.Slots.Select(s => s.Product.Sku), $"{customer} on {served.Sku} at {now:O}");
                    served.Items.Select(i => i.Source).ShouldBe(page.Slots.Select(s => RecommendationEndpoints.SourceName(s.Source)));
                    served.Items.Select(i => i.Locked).ShouldBe(page.Slots.Select(s => s.Locked));
                    if (known)
                    {
                        served.Items.Select(i => i.Personalized).ShouldBe(page.Slots.Select(s => s.PersonalizationMoved));
                        served.Items.Select(i => i.Explanation).ShouldBe(page.Slots.Select(s => s.ShopperExplanation));
                        served.RecommendationId.ShouldBe(page.RecommendationId);
                        personalized += served.Items.Count(i => i.Personalized);
                    }
                    else
                    {
                        served.Items.ShouldAllBe(i => !i.Personalized);
                        unknown += customer is null ? 0 : 1;
                    }
                    compared++;
                }
            }
        }
        compared.ShouldBe(3 * 121 * 6);
        personalized.ShouldBeGreaterThan(100, "personalization moves slots for many of these shoppers");
        unknown.ShouldBeGreaterThan(0, "ids above the demo store's 9,000 customers are unknown and see the anonymous list");
    }

    [Fact]
    public void Cart_ManyCartsAndShoppersOnSeveralDays_TheCartThePreviewShows()
    {
        var preview = new PreviewServices(demo);
        var snapshot = demo.Snapshots.Current;
        var clock = new FakeTimeProvider(snapshot.LoadedAt.AddMinutes(1));
        // A small cache, so that cart items' prepared compositions are also evicted and prepared again.
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())), clock,
            Options.Create(new StorefrontApiOptions { ServedListCacheEntries = 100 }));
        var random = new Random(23);
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Mined.Keys.Order().Take(60)).Where(id => snapshot.Product(id) is not null).Distinct().ToList();
        var bundled = snapshot.Mined.Keys.Where(id => snapshot.BundlesFor(id).Count > 0).Order().Take(40).ToList();
        var slots = RecommendationService.DefaultSlotsOf(snapshot);
        var (compared, itemsets, moved) = (0, 0, 0);

        foreach (var now in new[] { snapshot.LoadedAt.AddMinutes(1), snapshot.LoadedAt.Date.AddDays(1).AddHours(5) })
        {
            clock.SetUtcNow(now);
            var asOf = ServingTimeline.Of(snapshot).At(now).AsOf;
            for (var i = 0; i < 150; i++)
            {
                // Every other cart holds a bundle's members, so that bought-together itemsets take part.
                List<int> cart = i % 2 == 0 && bundled.Count > 0
                    ? [.. snapshot.BundlesFor(bundled[random.Next(bundled.Count)])[0].ProductIds.Take(random.Next(2, 4))]
                    : [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => anchors[random.Next(anchors.Count)])];
                var customer = i % 5 == 4 ? null : $"C{random.Next(1, 9_001):D6}";
                var shopper = customer is null ? null : preview.Shoppers.Build(new ShopperChoice.Customer(customer, customer), asOf);

                var served = cache.Cart(snapshot, asOf, cart, shopper?.Profile, slots);
                var shown = CartPreview.Compose(snapshot, [.. cart.Select(id => snapshot.Product(id)!)], shopper, asOf);

                served.RecommendationId.ShouldBe(shown.RecommendationId, $"cart {string.Join(",", cart)} for {customer} at {now:O}");
                served.Slots.Select(s => (s.Product.Id, s.Source, s.Basis, s.Locked, s.PersonalizationMoved, s.Explanation))
                    .ShouldBe(shown.Slots.Select(s => (s.Product.Id, s.Source, s.Basis, s.Locked, s.PersonalizationMoved, s.Explanation)));
                served.Slots.Select(s => string.Join(",", s.Complements)).ShouldBe(shown.Slots.Select(s => string.Join(",", s.Complements)));
                served.Warnings.ShouldBe(shown.Warnings);
                itemsets += served.Slots.Count(s => s.Basis == CartSlotBasis.BoughtTogether);
                moved += served.Slots.Count(s => s.PersonalizationMoved);
                compared++;
            }
        }
        compared.ShouldBe(300);
        cache.Count.ShouldBeLessThanOrEqualTo(100);
        itemsets.ShouldBeGreaterThan(0, "some carts take bought-together itemsets");
        moved.ShouldBeGreaterThan(0, "personalization moves cart slots for some shoppers");
    }

    [Fact]
    public void FrequentlyBoughtWith_SameMinuteOrNot_TheSameBytesForTheAnonymousListAllDay()
    {
        var snapshot = demo.Snapshots.Current;
        // A whole UTC day after the load, whatever the time of day the snapshot was loaded (a load at 23:55 once put the
        // seven minutes across midnight).
        var day = snapshot.LoadedAt.Date.AddDays(1);
        var clock = new FakeTimeProvider(day.AddHours(9));
        var cache = new ServedListCache(demo.Snapshots, new ShopperProfileStore(Options.Create(new ShopperProfileOptions())), clock,
            Options.Create(new StorefrontApiOptions()));
        var sku = snapshot.Product(snapshot.Mined.Keys.Min())!.Sku;

        var first = cache.FrequentlyBoughtWith(sku, null, null)!;
        clock.Advance(TimeSpan.FromMinutes(7));
        var later = cache.FrequentlyBoughtWith(sku, null, null)!;
        clock.SetUtcNow(day.AddDays(1));
        var nextDay = cache.FrequentlyBoughtWith(sku, null, null)!;

        first.Utf8Json.ShouldNotBeNull();
        later.ShouldBeSameAs(first);
        cache.Count.ShouldBe(1);
        nextDay.Dto.ComposedAt.ShouldBe(day.AddDays(1));
        nextDay.Dto.Items.Select(i => i.Sku).ShouldBe(first.Dto.Items.Select(i => i.Sku));
        System.Text.Json.JsonSerializer.Deserialize<FrequentlyBoughtWithDto>(first.Utf8Json!, System.Text.Json.JsonSerializerOptions.Web)!.Items
            .Select(i => i.Sku).ShouldBe(first.Dto.Items.Select(i => i.Sku));
    }
}
