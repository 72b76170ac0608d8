using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Curation;

namespace MerchDashboard.Tests.Features.Curation;

public class CurationAlertsTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    private static ProductInfo Product(int id, int category, int stock = 10, bool active = true) =>
        new(id, $"P-{id}", $"Product {id}", "B", category, null, 9.99m, stock, active, new HashSet<string>());

    // Anchor 1 in category 10; items 2-6 in category 20: 3 out of stock, 4 inactive; 2 and 5 are mined for the anchor.
    private static StoreSnapshot Snapshot(bool withMiningRun = true)
    {
        var products = new[] { Product(1, 10), Product(2, 20), Product(3, 20, stock: 0), Product(4, 20, active: false), Product(5, 20), Product(6, 20) }
            .ToDictionary(p => p.Id);
        var catalog = new CatalogView(products, new Dictionary<int, string> { [10] = "Anchors", [20] = "Items" }, [], new Dictionary<int, IReadOnlyList<int>>());
        var mined = new Dictionary<int, IReadOnlyList<MinedCandidate>> { [1] = [new(2, 50, 0.05, 0.4, 3, 0.9), new(5, 20, 0.02, 0.2, 2, 0.5)] };
        return StoreSnapshot.Empty with
        {
            Catalog = catalog, Mined = mined,
            MiningRun = withMiningRun ? new MiningRunInfo(1, Now, 100, 2, 0, new MiningSettings()) : null,
        };
    }

    private static IReadOnlyList<CurationAlert> Alerts(StoreSnapshot snapshot, CurationState state, int slots = 6) =>
        CurationAlerts.For(snapshot, state, snapshot.Compose(1, Now, slots, curation: state), slots, Now);

    [Fact]
    public void For_PinnedOutOfStockAndAddedInactive_OneUnavailableAlertEach()
    {
        var state = new CurationState(CurationMode.Curated, [new Pin(3, 1), new Add(4, 1), new Pin(2, 2)]);

        var alerts = Alerts(Snapshot(), state, slots: 2).Where(a => a.Kind == AlertKind.UnavailableItem).ToList();

        alerts.Count.ShouldBe(2);
        alerts[0].Message.ShouldContain("P-3) is out of stock");
        alerts[1].Message.ShouldContain("P-4) is discontinued");
    }

    [Fact]
    public void For_OverrideExpiringWithinAWeek_ExpiringSoonButNotOneExpiringLater()
    {
        var state = new CurationState(CurationMode.Curated,
            [new Pin(2, 1, ExpiresAt: Now.AddDays(3)), new Pin(5, 2, ExpiresAt: Now.AddDays(8)), new Exclude(6, "no", ExpiresAt: Now.AddDays(7))]);

        var alerts = Alerts(Snapshot(), state, slots: 3).Where(a => a.Kind == AlertKind.ExpiringSoon).ToList();

        alerts.Count.ShouldBe(2);
        alerts[0].Message.ShouldContain("Product 2 (P-2) expires on Nov 28, 2026 09:00");
        alerts[1].Message.ShouldContain("Product 6");
    }

    [Fact]
    public void For_FewerSlotsThanK_ShortListAlert()
    {
        // Candidates: 2 and 5 mined; 6 is the only other available item and nothing suggests it.
        var alerts = Alerts(Snapshot(), CurationState.Auto, slots: 6);

        alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.ShortList);
        alerts[0].Message.ShouldBe("Only 2 of 6 suggestion slots are filled");
        Alerts(Snapshot(), CurationState.Auto, slots: 2).ShouldBeEmpty();
    }

    [Fact]
    public void For_LockedMinedItemNoLongerMined_DriftAlertNamingOnlyIt()
    {
        // 2 was mined and still is; 6 was mined when locked and no longer is.
        var locked = new CurationState(CurationMode.Locked, [])
        {
            Frozen = [new FrozenSlot(2, 1, SlotSource.Mined), new FrozenSlot(6, 2, SlotSource.Mined)],
        };

        var alerts = Alerts(Snapshot(), locked, slots: 2);

        alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Drift);
        alerts[0].Message.ShouldStartWith("1 of 2 locked items that were mined for this product are no longer bought with it often enough");
        alerts[0].Message.ShouldEndWith("Product 6 (P-6)");
        Alerts(Snapshot(withMiningRun: false), locked, slots: 2).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SlotSource.Rule)]
    [InlineData(SlotSource.Manual)]
    [InlineData(SlotSource.Fallback)]
    [InlineData(SlotSource.Pinned)]
    public void For_LockedItemThatWasNeverMined_NoDrift(SlotSource source)
    {
        // 6 is not among the mined items: it is there for the merchandiser's reason, not the data's.
        var locked = new CurationState(CurationMode.Locked, [new Pin(6, 2)])
        {
            Frozen = [new FrozenSlot(2, 1, SlotSource.Mined), new FrozenSlot(6, 2, source)],
        };

        Alerts(Snapshot(), locked, slots: 2).ShouldBeEmpty();
        Alerts(Snapshot(), locked with { Mode = CurationMode.LockedTopN, LockedTopN = 2 }, slots: 2).ShouldBeEmpty();
    }

    [Fact]
    public void For_LockedItemOutOfStock_UnavailableAlertNamingItsSlot()
    {
        var locked = new CurationState(CurationMode.LockedTopN, [], LockedTopN: 2)
        {
            Frozen = [new FrozenSlot(2, 1, SlotSource.Mined), new FrozenSlot(3, 2, SlotSource.Rule)],
        };

        var alerts = Alerts(Snapshot(), locked, slots: 2);

        alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.UnavailableItem);
        alerts[0].Message.ShouldBe("Locked item Product 3 (P-3) at slot 2 is out of stock: shoppers do not see it");
    }
}
