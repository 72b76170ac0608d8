using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class ShopperProfileTests
{
    // From ItemSimilarityBuilderTests: sim(A,B) = 2/3, sim(A,C) = 2/sqrt(6), sim(B,C) = 1/sqrt(6); topSim(A) = sim(A,C).
    private const double SimAB = 2 / 3.0;
    private const double SimAC = 0.816496580927726;

    private static PersonalizationModel Model => TinyModel;

    [Fact]
    public void Build_PurchaseOneHalfLifeOlder_WeighsExactlyHalf()
    {
        var profile = ShopperProfileBuilder.Build("s", [Bought(9, 1), Bought(9, 3, AsOf.AddDays(-90))], AsOf, Model);

        profile.ItemWeights[1].ShouldBe(1);
        profile.ItemWeights[3].ShouldBe(0.5, 1e-12);
        profile.CategoryAffinity[10].ShouldBe(1);
        profile.CategoryAffinity[30].ShouldBe(0.5, 1e-12);
        profile.BrandAffinity["Kestrel"].ShouldBe(1);
        profile.BrandAffinity["Vole"].ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Build_OlderPurchase_WeighsLessThanRecentOne()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var recentAge = random.Next(0, 500);
            var olderAge = recentAge + random.Next(1, 500);
            var profile = ShopperProfileBuilder.Build(
                "s", [Bought(9, 1, AsOf.AddDays(-recentAge)), Bought(9, 3, AsOf.AddDays(-olderAge))], AsOf, Model);

            profile.ItemWeights[3].ShouldBeLessThan(profile.ItemWeights[1]);
            profile.ItemWeights[3].ShouldBe(Math.Pow(0.5, (olderAge - recentAge) / 90.0), 1e-9);
        }
    }

    [Fact]
    public void AffinityFor_BoughtTheLaptop_MatchesHandComputation()
    {
        var profile = ShopperProfileBuilder.Build("s", [Bought(9, 1)], AsOf, Model);
        var catalog = Model.Catalog;

        // Sleeve: 0.5 · sim(A,B)/topSim(A) + 0.3 · 0 + 0.2 · 1 (Kestrel) = 0.5 · 0.816497 + 0.2 = 0.608248.
        profile.AffinityFor(catalog.Find(2)!).ShouldBe(0.5 * SimAB / SimAC + 0.2, 1e-12);
        // Mouse: 0.5 · sim(A,C)/topSim(A) = 0.5; batteries share nothing with the laptop.
        profile.AffinityFor(catalog.Find(3)!).ShouldBe(0.5, 1e-12);
        profile.AffinityFor(catalog.Find(4)!).ShouldBe(0);
        profile.ReasonFor(catalog.Find(2)!).ShouldBe("because you bought Kestrel 14\" Ultrabook");
        profile.ReasonFor(catalog.Find(4)!).ShouldBeNull();
        profile.BrandDrivers["Kestrel"].ShouldBe([1]);
    }

    [Fact]
    public void ReasonFor_CategoryBoughtTwice_SaysOftenBuys()
    {
        var profile = ShopperProfileBuilder.Build(
            "s", [Bought(9, 4), Bought(9, 4, AsOf.AddDays(-10)), Bought(9, 1, AsOf.AddDays(-30))], AsOf, Model);
        var otherBatteries = Product(50, 40, "Other", name: "AAA batteries");

        profile.AffinityFor(otherBatteries).ShouldBe(0.3, 1e-12);
        profile.ReasonFor(otherBatteries).ShouldBe("you often buy Batteries");
        profile.CategoryDrivers[40].ShouldBe([4]);
    }

    [Fact]
    public void AffinityFor_PriceSensitiveShopper_AddsCheapness()
    {
        var profile = ShopperProfileBuilder.Build("s", [Bought(9, 1)], AsOf, Model, priceSensitivity: 0.4);
        var cheapSleeve = Product(60, 20, "Generic", price: 1m);

        // Base 0 (no similarity, category or brand); the one catalog sleeve (49) costs more, so cheapness = 1/1.
        profile.AffinityFor(cheapSleeve).ShouldBe(0.4, 1e-12);
        profile.ReasonFor(cheapSleeve).ShouldBe("a low price for Laptop bags");
        // Mouse: 0.6 · 0.5 + 0.4 · 0 (the only mouse is not cheaper than itself).
        profile.AffinityFor(Model.Catalog.Find(3)!).ShouldBe(0.3, 1e-12);
    }

    [Fact]
    public void AffinityFor_NewVisitor_IsZeroForEveryProduct()
    {
        var visitors = new[]
        {
            ShopperProfileBuilder.Empty(Model),
            ShopperProfileBuilder.Build("no lines", [], AsOf, Model),
            ShopperProfileBuilder.Build("only future lines", [Bought(9, 1, AsOf.AddDays(1))], AsOf, Model),
        };
        var products = Model.Catalog.Products.Append(Product(70, 10, "Kestrel", price: 1m));

        foreach (var visitor in visitors)
        {
            visitor.IsEmpty.ShouldBeTrue();
            foreach (var product in products)
            {
                visitor.AffinityFor(product).ShouldBe(0);
                visitor.ReasonFor(product).ShouldBeNull();
            }
        }
    }

    [Fact]
    public void AffinityFor_DifferentHistories_RankTheSameCandidatesDifferently()
    {
        var candidates = Model.Catalog.Products.ToArray();
        var sleeveBuyer = ShopperProfileBuilder.FromHandPicked([2], AsOf, Model);
        var batteryBuyer = ShopperProfileBuilder.FromHandPicked([4], AsOf, Model);

        int[] Ranking(ShopperProfile p) =>
            [.. candidates.OrderByDescending(p.AffinityFor).ThenBy(c => c.Id).Select(c => c.Id)];

        // Sleeve buyer: laptop 0.5 · 1 + 0.2 = 0.7, sleeve 0.3 + 0.2 = 0.5, mouse 0.5 · sim(B,C)/sim(A,B) = 0.306, batteries 0.
        Ranking(sleeveBuyer).ShouldBe([1, 2, 3, 4]);
        Ranking(batteryBuyer)[0].ShouldBe(4);
    }

    [Fact]
    public void AffinityFor_RandomShoppers_StaysWithinZeroAndOne()
    {
        var random = new Random(11);
        var history = RandomHistory(random, customers: 60, products: 20);
        var catalog = CatalogIndex.Create(
            Enumerable.Range(1, 22).Select(id => Product(id, id % 4, $"Brand{id % 3}", price: random.Next(1, 200))),
            new Dictionary<int, string>());
        var model = PersonalizationModel.Train(history, catalog, cancellationToken: TestContext.Current.CancellationToken);

        for (var shopper = 0; shopper < 30; shopper++)
        {
            var profile = ShopperProfileBuilder.Build(
                "s", history.Where(p => p.CustomerKey == shopper), AsOf, model, priceSensitivity: random.NextDouble());
            foreach (var product in catalog.Products)
            {
                profile.AffinityFor(product).ShouldBeInRange(0, 1);
            }
        }
    }
}
