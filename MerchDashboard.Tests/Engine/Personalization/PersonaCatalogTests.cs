using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class PersonaCatalogTests
{
    private static readonly Dictionary<int, string> CategoryNames = new()
    {
        [1] = "Gaming", [2] = "Toys", [3] = "Photo", [4] = "Computers", [5] = "Power",
        [11] = "Video game consoles", [12] = "Video games", [13] = "Gaming headsets",
        [21] = "Toy cars", [22] = "Building sets", [23] = "Board games",
        [31] = "Cameras", [32] = "Camera lenses", [33] = "Tripods",
        [41] = "Laptops", [42] = "Laptop bags", [51] = "Batteries",
    };

    /// <summary>Three products per leaf category, priced 10, 20 and 30 times the leaf number; ids leaf·10 + 1..3.</summary>
    private static readonly CatalogIndex Catalog = CatalogIndex.Create(
        CategoryNames.Keys.Where(c => c > 10).SelectMany(leaf => Enumerable.Range(1, 3).Select(n =>
            new ProductInfo(leaf * 10 + n, $"P{leaf}{n}", $"{CategoryNames[leaf]} {n}", $"Brand{n}", leaf, leaf / 10,
                leaf * 10m * n, 5, IsActive: true, new HashSet<string>()))),
        CategoryNames);

    /// <summary>Best sellers: the dearest product of each leaf first, so the preference for best sellers is visible.</summary>
    private static readonly int[] BestSellers =
        [.. Catalog.Products.OrderByDescending(p => p.Id % 10).ThenBy(p => p.Id).Select(p => p.Id)];

    [Fact]
    public void Build_RealisticCatalog_EveryPersonaButTheNewVisitorHasAHistory()
    {
        var histories = PersonaCatalog.Build(Catalog, BestSellers, AsOf);

        histories.Select(h => h.Persona.Key).ShouldBe(["new-visitor", "gamer", "parent", "photographer", "bargain-hunter"]);
        histories[0].Purchases.ShouldBeEmpty();
        histories.Skip(1).ShouldAllBe(h => h.Purchases.Count == h.Persona.Rules.Sum(r => r.Count));
        histories.SelectMany(h => h.Purchases).ShouldAllBe(p => Catalog.Find(p.ProductId) != null);
    }

    [Fact]
    public void Build_Gamer_PicksBestSellingGamingProductsMostRecentFirst()
    {
        var gamer = PersonaCatalog.Build(PersonaCatalog.Gamer, Catalog, BestSellers, AsOf);

        // Rule 1 (consoles, video games): best sellers 113, 123, then 112. Rule 2 (gaming, ... matches the Gaming
        // department, not board games): 133, then 122.
        gamer.Purchases.Select(p => p.ProductId).ShouldBe([113, 123, 112, 133, 122]);
        gamer.Purchases.Select(p => (AsOf - p.At).TotalDays).ShouldBe([7, 28, 49, 70, 91]);
    }

    [Fact]
    public void Build_Parent_BuysToysAndBatteries()
    {
        var parent = PersonaCatalog.Build(PersonaCatalog.Parent, Catalog, BestSellers, AsOf);
        var categories = parent.Purchases.Select(p => Catalog.Find(p.ProductId)!.CategoryId).ToArray();

        categories.Take(4).ShouldAllBe(c => c == 21 || c == 22 || c == 23);
        categories[4].ShouldBe(51);
    }

    [Fact]
    public void Build_BargainHunter_PicksFromTheCheaperHalfAndIsPriceSensitive()
    {
        var hunter = PersonaCatalog.Build(PersonaCatalog.BargainHunter, Catalog, BestSellers, AsOf);
        var model = new PersonalizationModel(Catalog, ItemSimilarityModel.Empty, BestSellers, ProfileOptions.Default);

        hunter.Purchases.ShouldAllBe(p => Catalog.Cheapness(Catalog.Find(p.ProductId)!) >= 0.5);
        var profile = ShopperProfileBuilder.ForPersona(hunter, AsOf, model);
        profile.ShopperLabel.ShouldBe("persona: bargain-hunter");
        profile.PriceSensitivity.ShouldBe(0.4);
        var cheap = Catalog.Find(311)!;
        var dear = Catalog.Find(313)!;
        profile.AffinityFor(cheap).ShouldBeGreaterThan(profile.AffinityFor(dear));
    }

    [Fact]
    public void Build_CatalogWithoutMatchingCategories_GivesAnEmptyHistoryAndProfile()
    {
        var books = CatalogIndex.Create([Product(1, 9, name: "Novel")], new Dictionary<int, string> { [9] = "Books" });
        var model = new PersonalizationModel(books, ItemSimilarityModel.Empty, [1], ProfileOptions.Default);

        var gamer = PersonaCatalog.Build(PersonaCatalog.Gamer, books, [1], AsOf);

        gamer.Purchases.ShouldBeEmpty();
        ShopperProfileBuilder.ForPersona(gamer, AsOf, model).AffinityFor(books.Find(1)!).ShouldBe(0);
    }

    [Fact]
    public void FromHandPicked_ChosenProducts_AreOwnedWithFullWeight()
    {
        var model = new PersonalizationModel(Catalog, ItemSimilarityModel.Empty, BestSellers, ProfileOptions.Default);

        var profile = ShopperProfileBuilder.FromHandPicked([311, 411, 311], AsOf, model);

        profile.ItemWeights.ShouldBe(new Dictionary<int, double> { [311] = 1, [411] = 1 }, ignoreOrder: true);
        profile.CategoryAffinity[31].ShouldBe(1);
    }
}
