using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;

namespace MerchDashboard.Tests.Engine.Composition;

public class ComposerCurationTests
{
    private static readonly FixedShopper LovesAaa =
        new("customer C2", new Dictionary<int, double> { [AaaBatteries] = 1.0 }, "because you bought AAA batteries");

    private static int[] Ids(ComposedList list) => [.. list.Slots.Select(s => s.Product.Id)];

    private static CurationState Curated(params Override[] overrides) => new(CurationMode.Curated, overrides);

    [Fact]
    public void Compose_PinAddAndExclude_PinHoldsItsSlotAndTheRestFillByScore()
    {
        var curation = Curated(new Pin(Puzzle, 1, "Holiday promo"), new Exclude(AaBatteries, "Leaks"), new Add(StuntRamp, 1));

        var list = Compose(RacerCar, 4, MinedForCar, curation);

        // Stunt ramp (manual, c = 1) ties the track set (c = 1) and wins on source; AAA becomes the rule's best item.
        Ids(list).ShouldBe([Puzzle, StuntRamp, TrackSet, AaaBatteries]);
        list.Slots.Select(s => s.Source).ShouldBe([SlotSource.Pinned, SlotSource.Manual, SlotSource.Mined, SlotSource.Rule]);
        list.Slots[0].Explanation.ShouldBe("Pinned by a merchandiser at slot 1 — note: Holiday promo");
        list.Slots[0].Pair.ShouldBe(MinedForCar[3]);
    }

    [Fact]
    public void Compose_PinnedItemOutOfStock_IsSkippedWithAWarningAndItsSlotFilled()
    {
        var list = Compose(RacerCar, 3, MinedForCar, Curated(new Pin(RechargeableAa, 1)));

        Ids(list).ShouldBe([TrackSet, AaBatteries, Puzzle]);
        list.Warnings.ShouldBe(["Pinned item Rechargeable AA (SKU-9) is out of stock and was skipped"]);
    }

    [Fact]
    public void Compose_TwoPinsOnOneSlot_TheLaterMovesToTheNextFreeSlot()
    {
        var curation = Curated(new Pin(Puzzle, 1), new Pin(StuntRamp, 1), new Pin(NineVoltBattery, 2), new Pin(AaBatteries, 9));

        var list = Compose(RacerCar, 4, MinedForCar, curation);

        Ids(list).ShouldBe([Puzzle, NineVoltBattery, StuntRamp, TrackSet]);
        list.Slots[2].Explanation.ShouldBe("Pinned by a merchandiser at slot 1, shown at slot 3");
        list.Warnings.ShouldBe(["Pinned item AA batteries (SKU-4) at slot 9 is outside slots 1-4 and was dropped"]);
    }

    [Fact]
    public void Compose_ExpiryIsExclusiveAndStartIsInclusive()
    {
        var curation = Curated(
            new Exclude(TrackSet, ExpiresAt: AsOf),
            new Exclude(Puzzle, StartsAt: AsOf),
            new Pin(StuntRamp, 1, StartsAt: AsOf.AddTicks(1)));

        var list = Compose(RacerCar, 4, MinedForCar, curation);

        Ids(list).ShouldBe([TrackSet, AaBatteries, AaaBatteries, NineVoltBattery]);
    }

    [Fact]
    public void Compose_Locked_ShowsTheMerchandisersListOnlyAndTheSameForEveryShopper()
    {
        var curation = new CurationState(CurationMode.Locked,
            [new Pin(Puzzle, 2), new Add(TrackSet, 2, "Best pairing"), new Add(StuntRamp, 1)]);

        var anonymous = Compose(RacerCar, 6, MinedForCar, curation);
        var personal = Compose(RacerCar, 6, MinedForCar, curation, LovesAaa);

        Ids(anonymous).ShouldBe([StuntRamp, Puzzle, TrackSet]);
        anonymous.Slots.Select(s => s.Explanation).ShouldBe(
            ["Locked by a merchandiser", "Pinned by a merchandiser at slot 2", "Locked by a merchandiser — note: Best pairing"]);
        anonymous.Slots[2].Pair.ShouldBe(MinedForCar[0]);
        personal.Slots.ShouldBe(anonymous.Slots);
        personal.Mode.ShouldBe(CurationMode.Locked);
    }

    [Fact]
    public void Compose_LockedTopTwo_FixesTheTopForEveryShopperAndPersonalizesTheRest()
    {
        var curation = new CurationState(CurationMode.LockedTopN, [new Add(StuntRamp, 1)], LockedTopN: 2);

        var anonymous = Compose(RacerCar, 5, MinedForCar, curation);
        var personal = Compose(RacerCar, 5, MinedForCar, curation, LovesAaa);

        Ids(anonymous).ShouldBe([StuntRamp, TrackSet, AaBatteries, Puzzle, AaaBatteries]);
        Ids(personal).ShouldBe([StuntRamp, TrackSet, AaaBatteries, AaBatteries, Puzzle]);
        personal.Slots.Select(s => s.PersonalizationMoved).ShouldBe([false, false, true, true, true]);
        personal.Slots[0].Explanation.ShouldBe("Locked by a merchandiser");
        personal.Slots[1].Explanation.ShouldBe("Bought together in 212 orders; 3.4× more often than chance; locked in the top 2");
        personal.Slots[2].Explanation.ShouldEndWith("moved up because you bought AAA batteries");
    }

    [Fact]
    public void Compose_AnchorPinnedAndExcludedItemAdded_BothSkippedWithWarnings()
    {
        var curation = Curated(new Pin(RacerCar, 1), new Exclude(Puzzle), new Add(Puzzle, 1));

        var list = Compose(RacerCar, 3, MinedForCar, curation);

        Ids(list).ShouldBe([TrackSet, AaBatteries, AaaBatteries]);
        list.Warnings.ShouldBe([
            "Pinned item Racer toy car (SKU-1) is the anchor itself and was skipped",
            "Added item Puzzle 500 (SKU-7) is also excluded and was skipped",
        ]);
    }

    [Fact]
    public void Compose_DisplacedPinWithNoFreeSlotBelow_IsDroppedWithAWarning()
    {
        var list = Compose(RacerCar, 2, MinedForCar, Curated(new Pin(Puzzle, 2), new Pin(StuntRamp, 2)));

        Ids(list).ShouldBe([TrackSet, Puzzle]);
        list.Warnings.ShouldBe(["Pinned item Stunt ramp (SKU-10) lost slot 2 to an earlier pin, found no free slot after it and was dropped"]);
    }

    [Fact]
    public void Compose_LockedListShorterThanItsPin_ClosesTheGapAndSaysWhere()
    {
        var list = Compose(RacerCar, 6, MinedForCar, new CurationState(CurationMode.Locked, [new Pin(Puzzle, 5)]));

        Ids(list).ShouldBe([Puzzle]);
        list.Slots[0].Explanation.ShouldBe("Pinned by a merchandiser at slot 5, shown at slot 1");
    }
}
