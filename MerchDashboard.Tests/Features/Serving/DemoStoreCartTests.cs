using System.Globalization;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Serving;
using Microsoft.Extensions.Options;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Serving;

/// <summary>
/// The point of cart composition on the demo store: a cart with the battery-powered RC monster truck
/// (whose list a merchandiser locked with its batteries) and a phone case gets the truck's batteries first
/// for every shopper, and the free slots follow the shopper.
/// </summary>
public sealed class DemoStoreCartTests(DemoStoreFixture store) : IClassFixture<DemoStoreFixture>
{
    private const int Slots = 6;

    [Fact]
    public void Compose_ToyCarAndPhoneCase_BatteriesFirstForEveryShopperAndFreeSlotsDiffer()
    {
        var snapshot = store.Snapshots.Current;
        var car = snapshot.ProductBySku("RCC-0029")!;
        var phoneCase = snapshot.ProductBySku("PCS-0001")!;
        car.HasTag("needs-batteries").ShouldBeTrue();
        var customers = snapshot.CustomerIdsByExternalId.Where(c => snapshot.PurchasesByCustomer.TryGetValue(c.Value, out var p) && p.Count >= 3)
            .Select(c => c.Key).Order(StringComparer.Ordinal).Take(40).ToList();
        IShopperAffinity?[] shoppers = [null, .. customers.Select(c => RecommendationService.CustomerProfile(snapshot, c, DemoStoreFixture.Today))];

        var carts = shoppers.Select(s => CartRecommendations.Compose(snapshot, [car.Id, phoneCase.Id], s, DemoStoreFixture.Today, Slots)).ToList();

        foreach (var cart in carts)
        {
            var who = cart.ShopperLabel ?? "anonymous";
            cart.Slots.Count.ShouldBe(Slots, who);
            cart.Slots.Take(2).Select(s => s.Product.Sku).ShouldBe(["BAT-0014", "BAT-0007"], who);
            cart.Slots.Take(2).ShouldAllBe(s => s.Locked && s.Complements.SequenceEqual(new[] { car.Id }), who);
            cart.Slots.Skip(2).ShouldAllBe(s => !s.Locked, who);
            cart.Slots.ShouldAllBe(s => s.Product.CategoryId != phoneCase.CategoryId && s.Product.CategoryId != car.CategoryId, who);
            cart.Slots.Where(s => s.Complements.Contains(phoneCase.Id)).ShouldNotBeEmpty($"{who}: nothing for the phone case");
        }
        var freeSlots = carts.Select(c => string.Join(",", c.Slots.Skip(2).Select(s => s.Product.Sku))).Distinct().ToList();
        freeSlots.Count.ShouldBeGreaterThan(1, "the free slots should differ between shoppers");
        carts.Skip(1).Count(c => c.Slots.Any(s => s.PersonalizationMoved)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CartEvaluation_DemoStore_CartListsBeatBestSellersAndScoreConsistently()
    {
        var snapshot = store.Snapshots.Current;
        var split = HoldoutSplit.Create([.. snapshot.PurchasesByCustomer.Values.SelectMany(lines => lines)]);
        var settings = await new MiningSettingsStore(store.Database, Options.Create(new MiningOptions()), TimeProvider.System).GetAsync(TestContext.Current.CancellationToken);
        var mined = TrainingListMiner.MineAll(split.Training, settings);

        var report = CartEvaluation.Run(split, mined, snapshot.Catalog, [5, 10], new CartEvaluationOptions().MaxCases);

        var figures = string.Join("; ", report.Recommenders.SelectMany(r => r.AtK.Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Recommender}@{m.K}: hit {m.HitRate:P1}, precision {m.Precision:P2}"))));
        TestContext.Current.TestOutputHelper?.WriteLine($"{report.Cases} carts from {report.Orders} orders, {report.Skipped} skipped; {figures}");
        report.Cases.ShouldBeGreaterThan(100, figures);
        report.Recommenders.SelectMany(r => r.AtK).ShouldAllBe(m => Math.Abs(m.Precision - (m.HitRate / m.K)) < 1e-12 && m.HitRate <= 1);
        report.For(CartEvaluator.CartComposition).At(10).HitRate.ShouldBeGreaterThan(report.For(CartEvaluator.BestSellers).At(10).HitRate, figures);
    }
}
