using MerchDashboard.Features.Preview;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Preview;

[Collection(DemoStoreGroup.Name)]
public class PreviewShoppersTests(DemoStoreFixture demo)
{
    private readonly PreviewServices _store = new(demo);

    private static readonly DateTime AsOf = PreviewServices.AsOf;

    [Fact]
    public async Task SearchCustomersAsync_NameFragment_FindsAtMostTwentyMatchingCaseInsensitively()
    {
        var some = (await _store.Shoppers.SearchCustomersAsync(null, TestContext.Current.CancellationToken))[0];
        var fragment = some.Name.Split(' ')[^1][..3].ToUpperInvariant();

        var found = await _store.Shoppers.SearchCustomersAsync(fragment, TestContext.Current.CancellationToken);

        found.Count.ShouldBeInRange(1, PreviewShoppers.SearchLimit);
        found.ShouldAllBe(c => c.Name.Contains(fragment, StringComparison.OrdinalIgnoreCase) || c.ExternalId.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        (await _store.Shoppers.SearchCustomersAsync(some.ExternalId, TestContext.Current.CancellationToken)).ShouldContain(some);
        (await _store.Shoppers.SearchCustomersAsync("%", TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public void Build_Personas_HaveHistoriesFromTheirCategoriesExceptTheNewVisitor()
    {
        var catalog = _store.Store.Snapshots.Current.Personalization.Catalog;

        var gamer = _store.Shoppers.Build(new ShopperChoice.Persona("gamer"), AsOf);
        var parent = _store.Shoppers.Build(new ShopperChoice.Persona("parent"), AsOf);

        _store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf).HasHistory.ShouldBeFalse();
        gamer.History.Count.ShouldBe(5);
        gamer.History.ShouldAllBe(p => new[] { "console", "video game", "gaming", "headset", "controller" }.Any(k => catalog.IsInCategoryNamed(p, k)));
        parent.History.ShouldContain(p => catalog.IsInCategoryNamed(p, "batter"));
        gamer.Profile.ShopperLabel.ShouldBe("persona: gamer");
    }

    [Fact]
    public void Build_Customer_UsesOnlyPurchasesUpToTheAsOfDate()
    {
        var snapshot = _store.Store.Snapshots.Current;
        var (externalId, id) = snapshot.CustomerIdsByExternalId.First(c => snapshot.PurchasesByCustomer[c.Value].Select(p => p.At).Distinct().Count() >= 3);
        var lines = snapshot.PurchasesByCustomer[id];
        var firstOrder = lines.Min(p => p.At);

        var now = _store.Shoppers.Build(new ShopperChoice.Customer(externalId, "x"), AsOf);
        var early = _store.Shoppers.Build(new ShopperChoice.Customer(externalId, "x"), firstOrder);

        now.History.Select(p => p.Id).ShouldBe(lines.OrderByDescending(p => p.At).Select(p => p.ProductId).Distinct().Take(8));
        early.History.Select(p => p.Id).ShouldBe(lines.Where(p => p.At == firstOrder).Select(p => p.ProductId).Distinct(), ignoreOrder: true);
    }

    [Fact]
    public void Build_HandPicked_OwnsExactlyThePickedProducts()
    {
        var picked = _store.Store.Snapshots.Current.Personalization.BestSellers.Take(3).ToList();

        var shopper = _store.Shoppers.Build(new ShopperChoice.HandPicked(picked), AsOf);

        shopper.History.Select(p => p.Id).ShouldBe(picked, ignoreOrder: true);
        shopper.Profile.ItemWeights.Keys.ShouldBe(picked, ignoreOrder: true);
    }

    [Fact]
    public void SearchProducts_SkuFragment_FindsThatProduct()
    {
        _store.Shoppers.SearchProducts("RCC-0029").ShouldHaveSingleItem().Sku.ShouldBe("RCC-0029");
        _store.Shoppers.SearchProducts("").Count.ShouldBe(PreviewShoppers.SearchLimit);
    }
}
