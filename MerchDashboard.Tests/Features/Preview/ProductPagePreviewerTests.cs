using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Preview;

namespace MerchDashboard.Tests.Features.Preview;

[Collection(DemoStoreGroup.Name)]
public class ProductPagePreviewerTests(DemoStoreFixture store)
{
    private static readonly DateTime AsOf = DemoStoreFixture.AsOf;

    private IEnumerable<PreviewShopper> ManyShoppers()
    {
        foreach (var persona in PersonaCatalog.All)
        {
            yield return store.Shoppers.Build(new ShopperChoice.Persona(persona.Key), AsOf);
        }
        var snapshot = store.Snapshots.Current;
        foreach (var externalId in snapshot.CustomerIdsByExternalId.Keys.Order(StringComparer.Ordinal).Take(5))
        {
            yield return store.Shoppers.Build(new ShopperChoice.Customer(externalId, externalId), AsOf);
        }
        yield return store.Shoppers.Build(new ShopperChoice.HandPicked([.. snapshot.Personalization.BestSellers.Skip(10).Take(4)]), AsOf);
    }

    [Fact]
    public void Preview_LockedToyCarList_EveryShopperGetsTheSameSlotsWithBatteries()
    {
        var car = store.ProductId("RCC-0029");
        var previews = ManyShoppers().Select(s => store.Previewer.Preview(car, s, AsOf)!).ToList();

        var reference = previews[0].FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ToList();
        reference.ShouldNotBeEmpty();
        previews.Count.ShouldBe(11);
        foreach (var preview in previews)
        {
            preview.IsLocked.ShouldBeTrue();
            preview.FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ShouldBe(reference, preview.Shopper.Label);
            preview.FrequentlyBoughtWith.Slots.ShouldAllBe(s => !s.PersonalizationMoved);
            preview.FrequentlyBoughtWith.Slots.ShouldContain(s => store.Snapshots.Current.Catalog.CategoryName(s.Product.CategoryId) == "Batteries");
        }
    }

    [Fact]
    public void Preview_UnlockedLaptopList_DifferentHistoriesReorderButThePinStaysPut()
    {
        var laptop = store.ProductId("LAP-0017");
        var gamer = store.Previewer.Preview(laptop, store.Shoppers.Build(new ShopperChoice.Persona("gamer"), AsOf), AsOf)!;
        var photographer = store.Previewer.Preview(laptop, store.Shoppers.Build(new ShopperChoice.Persona("photographer"), AsOf), AsOf)!;

        gamer.IsLocked.ShouldBeFalse();
        PreviewComparison.DifferingPositions(gamer.FrequentlyBoughtWith, photographer.FrequentlyBoughtWith).ShouldNotBeEmpty();
        var pinned = gamer.FrequentlyBoughtWith.Slots.Where(s => s.Source == SlotSource.Pinned).ToList();
        pinned.ShouldHaveSingleItem().Position.ShouldBe(1);
        foreach (var shopper in ManyShoppers())
        {
            var slot = store.Previewer.Preview(laptop, shopper, AsOf)!.FrequentlyBoughtWith.Slots[0];
            (slot.Source, slot.Product.Id).ShouldBe((SlotSource.Pinned, pinned[0].Product.Id), shopper.Label);
        }
    }

    [Fact]
    public void Preview_NewVisitor_IsTheAnonymousListWithNothingPersonalized()
    {
        var snapshot = store.Snapshots.Current;
        var visitor = store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf);
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Personalization.BestSellers.Take(20)).Distinct().ToList();

        visitor.HasHistory.ShouldBeFalse();
        foreach (var anchor in anchors)
        {
            var preview = store.Previewer.Preview(anchor, visitor, AsOf)!;
            var anonymous = store.Recommendations.Compose(anchor, shopper: null, AsOf);
            preview.FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ShouldBe(anonymous.Slots.Select(s => s.Product.Id));
            preview.FrequentlyBoughtWith.Slots.ShouldAllBe(s => !s.PersonalizationMoved && !s.Explanation.Contains("for this shopper"));
            preview.RecommendedForYou.Count.ShouldBe(6);
            preview.RecommendedForYou.ShouldAllBe(r => r.IsBestSeller && r.Product.IsAvailable);
        }
    }

    [Fact]
    public void Preview_ScheduledConsolePin_AppliesOnlyFromItsStartDate()
    {
        var console = store.ProductId("CON-0003");
        var visitor = store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf);

        var before = store.Previewer.Preview(console, visitor, AsOf)!;
        var during = store.Previewer.Preview(console, visitor, new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc))!;

        before.FrequentlyBoughtWith.Slots.ShouldNotContain(s => s.Source == SlotSource.Pinned);
        during.FrequentlyBoughtWith.Slots.ShouldContain(s => s.Source == SlotSource.Pinned);
    }

    [Fact]
    public void Preview_RecommendedForYou_NeverShowsTheProductOnThePage()
    {
        foreach (var shopper in ManyShoppers())
        {
            foreach (var anchor in store.Snapshots.Current.Personalization.BestSellers.Take(30))
            {
                var preview = store.Previewer.Preview(anchor, shopper, AsOf)!;
                preview.RecommendedForYou.Count.ShouldBe(6);
                preview.RecommendedForYou.ShouldNotContain(r => r.Product.Id == anchor);
            }
        }
    }

    [Fact]
    public void Preview_UnknownProduct_IsNull() =>
        store.Previewer.Preview(-1, store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf), AsOf).ShouldBeNull();
}
