using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class PersonalRecommenderTests
{
    // Customers 1 {laptop 1, batteries 4}, 2 {1, 4, sleeve 2}, 3 {2, mouse 3}, 4 {1, 3}.
    // n1 = 3, n2 = 2, n3 = 2, n4 = 2. sim(1,4) = 2/sqrt(6) = 0.816497, sim(1,2) = sim(1,3) = 1/sqrt(6) = 0.408248,
    // sim(2,4) = sim(2,3) = 1/sqrt(4) = 0.5, sim(3,4) = 0.
    private static readonly Purchase[] History =
    [
        Bought(1, 1), Bought(1, 4),
        Bought(2, 1), Bought(2, 4), Bought(2, 2),
        Bought(3, 2), Bought(3, 3),
        Bought(4, 1), Bought(4, 3),
    ];

    private const double Sim14 = 0.816496580927726;
    private const double Sim12 = 0.408248290463863;

    private static PersonalizationModel Train(CatalogIndex catalog) =>
        PersonalizationModel.Train(History, catalog, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Recommend_OwnsLaptopAndBatteries_MatchesHandComputedScores()
    {
        var model = Train(TinyCatalog);
        var shopper = ShopperProfileBuilder.FromHandPicked([1, 4], AsOf, model);

        var list = PersonalRecommender.Recommend(shopper, model, 3);

        // Batteries: 1 · sim(1,4) · (1 + 0.5 · 1 (Batteries) + 0.25 · 1 (Volt)) = 0.816497 · 1.75 = 1.428869.
        // Sleeve: (sim(1,2) + sim(4,2)) · (1 + 0.25 · 1 (Kestrel)) = 0.908248 · 1.25 = 1.135310.
        // Mouse: sim(1,3) · 1 = 0.408248. The laptop (neighbour of the batteries) is owned and not consumable.
        list.Select(r => r.Product.Id).ShouldBe([4, 2, 3]);
        list.Select(r => r.Score).ShouldBe([Sim14 * 1.75, (Sim12 + 0.5) * 1.25, Sim12], tolerance: 1e-12);
        list[0].Reason.ShouldBe("because you bought Kestrel 14\" Ultrabook");
        list[1].Reason.ShouldBe("because you bought AA batteries 4-pack");
        list.ShouldAllBe(r => !r.IsBestSeller);
    }

    [Fact]
    public void Recommend_OwnedItems_ExcludesNonConsumablesEvenWhenFillingWithBestSellers()
    {
        var model = Train(TinyCatalog);
        var shopper = ShopperProfileBuilder.FromHandPicked([1, 4], AsOf, model);

        var list = PersonalRecommender.Recommend(shopper, model, 10);

        list.Select(r => r.Product.Id).ShouldBe([4, 2, 3]);
    }

    [Fact]
    public void Recommend_OutOfStockProduct_ExcludedUnlessAvailabilityIsIgnored()
    {
        var catalog = CatalogIndex.Create(
            TinyCatalog.Products.Select(p => p.Id == 2 ? p with { Stock = 0 } : p),
            new Dictionary<int, string>());
        var model = Train(catalog);
        var shopper = ShopperProfileBuilder.FromHandPicked([1, 4], AsOf, model);

        PersonalRecommender.Recommend(shopper, model, 3).Select(r => r.Product.Id).ShouldBe([4, 3]);
        PersonalRecommender.Recommend(shopper, model, 3, onlyAvailable: false).Select(r => r.Product.Id).ShouldBe([4, 2, 3]);
    }

    [Fact]
    public void Recommend_NewVisitor_GetsBestSellersMarkedAsSuch()
    {
        var model = Train(TinyCatalog);

        var list = PersonalRecommender.Recommend(ShopperProfileBuilder.Empty(model), model, 3);

        // Lines: laptop 3, sleeve 2, mouse 2, batteries 2; ties go to the lower id.
        list.Select(r => r.Product.Id).ShouldBe([1, 2, 3]);
        list.ShouldAllBe(r => r.IsBestSeller && r.Reason == PersonalRecommender.BestSellerReason);
    }

    [Fact]
    public void Recommend_RandomShoppers_NeverRepeatsOrShowsOwnedNonConsumables()
    {
        var random = new Random(3);
        var history = RandomHistory(random, customers: 80, products: 25);
        var catalog = CatalogIndex.Create(
            Enumerable.Range(1, 25).Select(id => Product(id, id % 5, stock: id % 7 == 0 ? 0 : 3, tags: id % 4 == 0 ? ["consumable"] : [])),
            new Dictionary<int, string>());
        var model = PersonalizationModel.Train(history, catalog, cancellationToken: TestContext.Current.CancellationToken);

        for (var shopper = 0; shopper < 40; shopper++)
        {
            var profile = ShopperProfileBuilder.Build("s", history.Where(p => p.CustomerKey == shopper), AsOf, model);
            var list = PersonalRecommender.Recommend(profile, model, 8);

            list.Count.ShouldBeLessThanOrEqualTo(8);
            list.Select(r => r.Product.Id).ShouldBeUnique();
            list.ShouldAllBe(r => r.Product.IsAvailable && (!profile.Owns(r.Product.Id) || r.Product.HasTag("consumable")));
            list.Where(r => !r.IsBestSeller).Select(r => r.Score).ShouldBeInOrder(SortDirection.Descending);
        }
    }
}
