using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Preview;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Preview;

[Collection(DemoStoreGroup.Name)]
public class ProductPagePreviewerTests(DemoStoreFixture demo)
{
    private readonly PreviewServices _store = new(demo);

    private static readonly DateTime AsOf = PreviewServices.AsOf;

    private IEnumerable<PreviewShopper> ManyShoppers()
    {
        foreach (var persona in PersonaCatalog.All)
        {
            yield return _store.Shoppers.Build(new ShopperChoice.Persona(persona.Key), AsOf);
        }
        var snapshot = _store.Store.Snapshots.Current;
        foreach (var externalId in snapshot.CustomerIdsByExternalId.Keys.Order(StringComparer.Ordinal).Take(5))
        {
            yield return _store.Shoppers.Build(new ShopperChoice.Customer(externalId, externalId), AsOf);
        }
        yield return _store.Shoppers.Build(new ShopperChoice.HandPicked([.. snapshot.Personalization.BestSellers.Skip(10).Take(4)]), AsOf);
    }

    [Fact]
    public void Preview_LockedToyCarList_EveryShopperGetsTheSameSlotsWithBatteries()
    {
        var car = _store.ProductId("RCC-0029");
        var previews = ManyShoppers().Select(s => _store.Previewer.Preview(car, s, AsOf)!).ToList();

        var reference = previews[0].FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ToList();
        reference.ShouldNotBeEmpty();
        previews.Count.ShouldBe(11);
        foreach (var preview in previews)
        {
            preview.IsLocked.ShouldBeTrue();
            preview.FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ShouldBe(reference, preview.Shopper.Label);
            preview.FrequentlyBoughtWith.Slots.ShouldAllBe(s => !s.PersonalizationMoved);
            preview.FrequentlyBoughtWith.Slots.ShouldContain(s => _store.Store.Snapshots.Current.Catalog.CategoryName(s.Product.CategoryId) == "Batteries");
        }
    }

    [Fact]
    public void Preview_UnlockedLaptopList_DifferentHistoriesReorderButThePinStaysPut()
    {
        var laptop = _store.ProductId("LAP-0017");
        var anonymous = _store.Previewer.Preview(laptop, _store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf), AsOf)!.FrequentlyBoughtWith;
        // One shopper bought the list's last product (so it should climb), the other is a gamer with nothing from these categories.
        var ownsLast = _store.Shoppers.Build(new ShopperChoice.HandPicked([anonymous.Slots[^1].Product.Id]), AsOf);
        var gamer = _store.Shoppers.Build(new ShopperChoice.Persona("gamer"), AsOf);

        var left = _store.Previewer.Preview(laptop, ownsLast, AsOf)!;
        var right = _store.Previewer.Preview(laptop, gamer, AsOf)!;

        left.IsLocked.ShouldBeFalse();
        PreviewComparison.DifferingPositions(left.FrequentlyBoughtWith, right.FrequentlyBoughtWith).ShouldNotBeEmpty();
        left.FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ShouldBe(anonymous.Slots.Select(s => s.Product.Id), ignoreOrder: true);
        var pinned = anonymous.Slots.Where(s => s.Source == SlotSource.Pinned).ToList();
        pinned.ShouldHaveSingleItem().Position.ShouldBe(1);
        foreach (var shopper in ManyShoppers().Append(ownsLast))
        {
            var slot = _store.Previewer.Preview(laptop, shopper, AsOf)!.FrequentlyBoughtWith.Slots[0];
            (slot.Source, slot.Product.Id, slot.PersonalizationMoved).ShouldBe((SlotSource.Pinned, pinned[0].Product.Id, false), shopper.Label);
        }
    }

    [Fact]
    public void Preview_NewVisitor_IsTheAnonymousListWithNothingPersonalized()
    {
        var snapshot = _store.Store.Snapshots.Current;
        var visitor = _store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf);
        var anchors = snapshot.Curation.Keys.Concat(snapshot.Personalization.BestSellers.Take(20)).Distinct().ToList();

        visitor.HasHistory.ShouldBeFalse();
        foreach (var anchor in anchors)
        {
            var preview = _store.Previewer.Preview(anchor, visitor, AsOf)!;
            var anonymous = _store.Store.Recommendations.Compose(anchor, shopper: null, AsOf);
            preview.FrequentlyBoughtWith.Slots.Select(s => s.Product.Id).ShouldBe(anonymous.Slots.Select(s => s.Product.Id));
            preview.FrequentlyBoughtWith.Slots.ShouldAllBe(s => !s.PersonalizationMoved && !s.Explanation.Contains("for this shopper"));
            preview.RecommendedForYou.Count.ShouldBe(_store.Store.Recommendations.DefaultSlots);
            preview.RecommendedForYou.ShouldAllBe(r => r.IsBestSeller && r.Product.IsAvailable);
        }
    }

    [Fact]
    public void Preview_ScheduledConsolePin_AppliesOnlyFromItsStartDate()
    {
        var console = _store.ProductId("CON-0003");
        var visitor = _store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf);

        var before = _store.Previewer.Preview(console, visitor, AsOf)!;
        var during = _store.Previewer.Preview(console, visitor, new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc))!;

        before.FrequentlyBoughtWith.Slots.ShouldNotContain(s => s.Source == SlotSource.Pinned);
        during.FrequentlyBoughtWith.Slots.ShouldContain(s => s.Source == SlotSource.Pinned);
    }

    [Fact]
    public void Preview_RecommendedForYou_NeverShowsTheProductOnThePage()
    {
        foreach (var shopper in ManyShoppers())
        {
            foreach (var anchor in _store.Store.Snapshots.Current.Personalization.BestSellers.Take(30))
            {
                var preview = _store.Previewer.Preview(anchor, shopper, AsOf)!;
                preview.RecommendedForYou.Count.ShouldBe(_store.Store.Recommendations.DefaultSlots);
                preview.RecommendedForYou.ShouldNotContain(r => r.Product.Id == anchor);
            }
        }
    }

    [Fact]
    public void Preview_UnknownProduct_IsNull() =>
        _store.Previewer.Preview(-1, _store.Shoppers.Build(ShopperChoice.NewVisitor, AsOf), AsOf).ShouldBeNull();
}
