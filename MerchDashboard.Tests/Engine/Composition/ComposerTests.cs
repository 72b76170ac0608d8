using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;

namespace MerchDashboard.Tests.Engine.Composition;

public class ComposerTests
{
    private static int[] Ids(ComposedList list) => [.. list.Slots.Select(s => s.Product.Id)];

    private static SlotSource[] Sources(ComposedList list) => [.. list.Slots.Select(s => s.Source)];

    [Fact]
    public void Compose_AnonymousToyCar_RanksMinedAndRuleItemsByComplementStrength()
    {
        // Track set c = 0.9/0.9 = 1, AA c = 0.5 (rule rank 0), puzzle c = 0.3/0.9, AAA c = 0.25 (rule rank 1);
        // the substitute monster truck and the out-of-stock rechargeable AA are removed.
        var list = Compose(RacerCar, 4, MinedForCar);

        Ids(list).ShouldBe([TrackSet, AaBatteries, Puzzle, AaaBatteries]);
        Sources(list).ShouldBe([SlotSource.Mined, SlotSource.Rule, SlotSource.Mined, SlotSource.Rule]);
        list.Slots.Select(s => s.Position).ShouldBe([1, 2, 3, 4]);
        list.Slots[0].Explanation.ShouldBe("Bought together in 212 orders; 3.4× more often than chance");
        list.Slots[1].Explanation.ShouldBe("Suggested by the rule 'needs batteries → Batteries'");
        list.Slots[0].Pair.ShouldBe(MinedForCar[0]);
        list.Slots[1].Pair.ShouldBeNull();
        list.Slots.ShouldAllBe(s => !s.PersonalizationMoved);
        list.Mode.ShouldBe(CurationMode.Auto);
        list.ComposedAt.ShouldBe(AsOf);
        list.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Compose_TooFewCandidates_FillsFromRuleCategoryThenDepartmentBestSellers()
    {
        var list = Compose(RacerCar, 7, MinedForCar);

        // Batteries' next eligible best seller (9V), then the Toys department minus toy cars (stunt ramp); then nothing is left.
        Ids(list).ShouldBe([TrackSet, AaBatteries, Puzzle, AaaBatteries, NineVoltBattery, StuntRamp]);
        list.Slots[4].Source.ShouldBe(SlotSource.Fallback);
        list.Slots[4].Explanation.ShouldBe("Best seller in Batteries (fallback)");
        list.Slots[5].Explanation.ShouldBe("Best seller in Toys (fallback)");
    }

    [Fact]
    public void Compose_Laptop_DropsTheSubstituteAndNamesAnUnnotedRuleByItsCategories()
    {
        var list = Compose(Laptop, 6, MinedForLaptop);

        // The mouse is the only surviving mined item, so its normalized strength is 1.
        Ids(list).ShouldBe([Mouse, LaptopCase, LaptopSleeve, UsbHub, AaBatteries]);
        list.Slots[1].Explanation.ShouldBe("Suggested by the rule 'Laptops → Laptop cases'");
        list.Slots[3].Explanation.ShouldBe("Best seller in Electronics (fallback)");
        list.Slots[0].Explanation.ShouldBe("Bought together in 30 orders; 2.0× more often than chance");
    }

    [Fact]
    public void Compose_SubstituteAddedByHand_AppearsAsManualWithItsPairStatistics()
    {
        var curation = new CurationState(CurationMode.Curated, [new Add(SecondLaptop, 1, "Upsell to the 16-inch")]);

        var list = Compose(Laptop, 3, MinedForLaptop, curation);

        Ids(list).ShouldBe([SecondLaptop, Mouse, LaptopCase]);
        list.Slots[0].Source.ShouldBe(SlotSource.Manual);
        list.Slots[0].Explanation.ShouldBe("Added by a merchandiser — note: Upsell to the 16-inch");
        list.Slots[0].Pair.ShouldBe(MinedForLaptop[0]);
    }

    [Fact]
    public void Compose_Shopper_BlendsAffinityAndMarksMovedSlots()
    {
        // Blends: track 0.65·1 = 0.65; AAA 0.65·0.25 + 0.35·1 = 0.5125; AA 0.65·0.5 = 0.325; puzzle 0.65·(1/3) ≈ 0.217.
        var shopper = new FixedShopper("customer C1", new Dictionary<int, double> { [AaaBatteries] = 1.0 }, "because you bought Racer toy car");

        var list = Compose(RacerCar, 4, MinedForCar, shopper: shopper);

        Ids(list).ShouldBe([TrackSet, AaaBatteries, AaBatteries, Puzzle]);
        list.Slots.Select(s => s.PersonalizationMoved).ShouldBe([false, true, true, true]);
        list.Slots[1].Explanation.ShouldBe("Suggested by the rule 'needs batteries → Batteries'; moved up because you bought Racer toy car");
        list.Slots[2].Explanation.ShouldEndWith("; moved down for this shopper");
        list.ShopperLabel.ShouldBe("customer C1");
    }

    [Fact]
    public void Compose_ShopperWithoutAffinities_KeepsTheAnonymousOrder()
    {
        var shopper = new FixedShopper("new visitor", new Dictionary<int, double>());

        var list = Compose(RacerCar, 6, MinedForCar, shopper: shopper);

        Ids(list).ShouldBe(Ids(Compose(RacerCar, 6, MinedForCar)));
        list.Slots.ShouldAllBe(s => !s.PersonalizationMoved);
    }

    [Fact]
    public void Compose_UnknownAnchor_ReturnsAnEmptyListWithAWarning()
    {
        var list = Compose(999, 4, MinedForCar);

        list.Slots.ShouldBeEmpty();
        list.Warnings.ShouldBe(["Anchor product #999 is not in the catalog"]);
    }

    [Fact]
    public void Compose_ZeroSlots_ReturnsAnEmptyList()
    {
        Compose(RacerCar, 0, MinedForCar).Slots.ShouldBeEmpty();
    }
}
