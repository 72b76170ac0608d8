using MerchDashboard.Engine.Composition;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Serving;

/// <summary>On the demo store, the whole pipeline (import, mining, snapshot, composer) rediscovers the planted complements.</summary>
public sealed class DemoStoreCompositionTests(DemoStoreFixture store) : IClassFixture<DemoStoreFixture>
{
    private IEnumerable<(MerchDashboard.Engine.Catalog.ProductInfo Anchor, ComposedList List)> ListsOf(string categoryName)
    {
        var snapshot = store.Snapshots.Current;
        var category = snapshot.Catalog.CategoryNames.Single(c => c.Value == categoryName).Key;
        return snapshot.Catalog.Products.Values.Where(p => p.CategoryId == category && p.IsAvailable && snapshot.MinedFor(p.Id).Count > 0)
            .Select(p => (p, store.Recommendations.Compose(p.Id, asOf: DemoStoreFixture.Today)));
    }

    private string CategoryOf(Slot slot) => store.Snapshots.Current.Catalog.CategoryName(slot.Product.CategoryId);

    [Theory]
    [InlineData("Cameras", new[] { "Memory cards", "Tripods", "Camera bags" })]
    [InlineData("Laptops", new[] { "Laptop cases", "Mice", "Docking stations" })]
    [InlineData("Printers", new[] { "Ink & toner", "Paper" })]
    [InlineData("Consoles", new[] { "Controllers", "Video games" })]
    [InlineData("RC cars", new[] { "Batteries" })]
    public void Compose_DemoStore_TopSlotIsAPlantedComplement(string anchorCategory, string[] complements)
    {
        var lists = ListsOf(anchorCategory).Where(l => l.List.Mode is CurationMode.Auto).ToList();

        lists.ShouldNotBeEmpty();
        var topIsComplement = lists.Count(l => l.List.Slots.Count > 0 && complements.Contains(CategoryOf(l.List.Slots[0])));
        topIsComplement.ShouldBeGreaterThanOrEqualTo((int)Math.Ceiling(lists.Count * 0.9),
            $"{anchorCategory}: top slots were {string.Join(", ", lists.Select(l => l.List.Slots.Count > 0 ? CategoryOf(l.List.Slots[0]) : "none"))}");
    }

    [Fact]
    public void Compose_DemoStore_NeverSuggestsASubstituteUnlessAMerchandiserAddedIt()
    {
        // Same-category items are shown only by hand or with evidence of being bought together (ink cartridges of one printer).
        var snapshot = store.Snapshots.Current;
        var evidence = snapshot.Catalog.Evidence;
        var boughtTogether = 0;
        foreach (var anchor in snapshot.Catalog.Products.Values.Where(p => p.IsAvailable))
        {
            var list = store.Recommendations.Compose(anchor.Id, asOf: DemoStoreFixture.Today);
            var sameCategory = list.Slots.Where(s => s.Product.CategoryId == anchor.CategoryId).ToList();
            sameCategory.ShouldAllBe(s => s.Source == SlotSource.Pinned || s.Source == SlotSource.Manual
                || (s.Source == SlotSource.Mined && s.Pair!.CoPurchaseCount >= evidence.MinCoPurchases && s.Pair.Lift >= evidence.MinLift), $"{anchor.Sku} got a substitute");
            boughtTogether += sameCategory.Count(s => s.Source == SlotSource.Mined);
        }
        boughtTogether.ShouldBeGreaterThan(0, "the demo store's consumables are bought several at a time");
    }

    [Fact]
    public void Compose_DemoStore_RcCarsGetBatteriesWithEvidence()
    {
        foreach (var (anchor, list) in ListsOf("RC cars").Where(l => l.List.Mode is CurationMode.Auto))
        {
            var batteries = list.Slots.FirstOrDefault(s => CategoryOf(s) == "Batteries");
            batteries.ShouldNotBeNull($"{anchor.Sku} has no batteries");
            if (batteries.Source == SlotSource.Mined)
            {
                batteries.Pair!.Lift.ShouldBeGreaterThan(3);
            }
        }
    }
}
