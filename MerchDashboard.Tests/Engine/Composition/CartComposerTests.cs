using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>Worked examples on the toy store, with the expected carts computed by hand in the comments.</summary>
public class CartComposerTests
{
    private static readonly CurationState CarLockedWithBatteries =
        new(CurationMode.Locked, [new Pin(AaBatteries, 1, "fits"), new Pin(AaaBatteries, 2, "remote")]);

    private static readonly Dictionary<int, IReadOnlyList<MinedCandidate>> Mined = new()
    {
        [RacerCar] = MinedForCar,
        [Laptop] = MinedForLaptop,
        [TrackSet] = [new(Puzzle, 50, 0.005, 0.2, 2.0, 1.0), new(StuntRamp, 40, 0.004, 0.2, 2.0, 0.8), new(RacerCar, 30, 0.003, 0.1, 1.5, 0.6)],
    };

    private static CartComposition Compose(int[] cart, int slots, Dictionary<int, CurationState> curation,
        Dictionary<int, IReadOnlyList<MinedItemset>>? itemsets = null, IShopperAffinity? shopper = null) =>
        CartComposer.Compose(new CartCompositionRequest(cart, slots, AsOf, shopper), new CartStore(Catalog,
            id => Mined.GetValueOrDefault(id) ?? [], id => curation.GetValueOrDefault(id) ?? CurationState.Auto,
            id => itemsets?.GetValueOrDefault(id) ?? []));

    [Fact]
    public void Compose_LockedCarAndLaptop_BatteriesFirstThenTheItemsetThenTheLaptopsList()
    {
        // Car (locked): [AA, AAA], both locked at K = 4. Laptop (auto): the second laptop is a substitute; Mouse
        // c = 1, then the rule Laptops -> Laptop cases: case 0.5, sleeve 0.25. The itemset {car, laptop, hub}
        // has both other members in the cart, so the hub comes next; the laptop's list fills the last slot.
        var itemsets = new Dictionary<int, IReadOnlyList<MinedItemset>> { [RacerCar] = [new([Laptop, UsbHub], 5, 2.0)] };

        var cart = Compose([RacerCar, Laptop], 4, new() { [RacerCar] = CarLockedWithBatteries }, itemsets);

        cart.Slots.Select(s => s.Product.Id).ShouldBe([AaBatteries, AaaBatteries, UsbHub, Mouse]);
        cart.Slots.Select(s => s.Locked).ShouldBe([true, true, false, false]);
        cart.Slots.Select(s => s.Basis).ShouldBe([CartSlotBasis.Locked, CartSlotBasis.Locked, CartSlotBasis.BoughtTogether, CartSlotBasis.ItemList]);
        cart.Slots.Select(s => s.Source).ShouldBe([SlotSource.Pinned, SlotSource.Pinned, SlotSource.Mined, SlotSource.Mined]);
        // AA also fills the laptop's list from the Electronics best sellers (slot 5 of its 6), so it names both.
        cart.Slots[0].Complements.ShouldBe([RacerCar, Laptop]);
        cart.Slots[1].Complements.ShouldBe([RacerCar]);
        cart.Slots[2].Complements.ShouldBe([RacerCar, Laptop]);
        cart.Slots[2].Explanation.ShouldBe("Bought together with Racer toy car and Laptop 14 in 5 orders");
        cart.Slots[3].Complements.ShouldBe([Laptop]);
        cart.Slots[3].Explanation.ShouldStartWith("Goes with Laptop 14: Bought together in 30 orders");
    }

    [Fact]
    public void Compose_PersonalizedShopper_LockedSlotsStayAndTheFreeSlotsFollowTheShopper()
    {
        // The laptop's list for a shopper drawn to the sleeve (affinity 1): Mouse 0.65 x 1 = 0.65, sleeve
        // 0.65 x 0.25 + 0.35 = 0.5125, case 0.65 x 0.5 = 0.325. Anonymous: Mouse, case, sleeve.
        var curation = new Dictionary<int, CurationState> { [RacerCar] = CarLockedWithBatteries };
        var shopper = new FixedShopper("sleeve fan", new Dictionary<int, double> { [LaptopSleeve] = 1.0 }, "because you like sleeves");

        var anonymous = Compose([RacerCar, Laptop], 4, curation);
        var personal = Compose([RacerCar, Laptop], 4, curation, shopper: shopper);

        anonymous.Slots.Select(s => s.Product.Id).ShouldBe([AaBatteries, AaaBatteries, Mouse, LaptopCase]);
        personal.Slots.Select(s => s.Product.Id).ShouldBe([AaBatteries, AaaBatteries, Mouse, LaptopSleeve]);
        personal.Slots.Select(s => s.PersonalizationMoved).ShouldBe([false, false, false, true]);
        personal.ShopperLabel.ShouldBe("sleeve fan");
        personal.RecommendationId.ShouldNotBe(anonymous.RecommendationId);
    }

    [Fact]
    public void Compose_CarAndTrackSet_HandAddedSubstituteStaysAndAnExcludeOnlyBindsItsOwnList()
    {
        // Car (curated): add the monster truck (a substitute, by hand), exclude the puzzle. Its list: truck
        // (manual, c = 1), track set (in the cart), AA 0.5, AAA 0.25. Track set's list: puzzle (c = 1), the
        // ramp is its substitute, the car is in the cart. Merged by 1/position: truck 1 and puzzle 1 tie at
        // position 1 (the car comes first in the cart), then AA (1/3) and AAA (1/4) win their ties the same way.
        var curation = new Dictionary<int, CurationState>
        {
            [RacerCar] = new(CurationMode.Curated, [new Add(MonsterTruck, 1, "upsell"), new Exclude(Puzzle, "too hard")]),
        };

        var cart = Compose([RacerCar, TrackSet], 4, curation);

        cart.Slots.Select(s => s.Product.Id).ShouldBe([MonsterTruck, Puzzle, AaBatteries, AaaBatteries]);
        cart.Slots[0].Source.ShouldBe(SlotSource.Manual);
        cart.Slots[1].Complements.ShouldBe([TrackSet]);
        cart.Slots.ShouldNotContain(s => s.Product.Id == StuntRamp);
    }

    [Fact]
    public void Compose_SubstituteOfAnotherCartItem_IsRemovedUnlessThatItemsMerchandiserAddedIt()
    {
        // The track set's list holds the monster truck by hand; the car in the cart makes it a substitute.
        var addTruck = new CurationState(CurationMode.Curated, [new Add(MonsterTruck, 1)]);

        var withoutCarAdd = Compose([RacerCar, TrackSet], 6, new() { [TrackSet] = addTruck });
        var withCarAdd = Compose([RacerCar, TrackSet], 6, new() { [TrackSet] = addTruck, [RacerCar] = addTruck });

        withoutCarAdd.Slots.ShouldNotContain(s => s.Product.Id == MonsterTruck);
        withCarAdd.Slots.First(s => s.Product.Id == MonsterTruck).Complements.ShouldBe([RacerCar, TrackSet]);
    }

    [Fact]
    public void Compose_DuplicateAndUnknownCartLines_CountOnceAndWarn()
    {
        var cart = Compose([Laptop, Laptop, 999], 3, []);

        cart.CartProductIds.ShouldBe([Laptop]);
        cart.Slots.Select(s => s.Product.Id).ShouldBe([Mouse, LaptopCase, LaptopSleeve]);
        cart.Warnings.ShouldContain(w => w.Contains("#999"));
    }

    [Fact]
    public void Compose_LockedSlotsBeyondK_TakesTheFirstInCartOrder()
    {
        var lockedLaptop = new CurationState(CurationMode.Locked, [new Pin(UsbHub, 1), new Pin(LaptopSleeve, 2)]);

        var cart = Compose([Laptop, RacerCar], 3, new() { [RacerCar] = CarLockedWithBatteries, [Laptop] = lockedLaptop });

        cart.Slots.Select(s => s.Product.Id).ShouldBe([UsbHub, LaptopSleeve, AaBatteries]);
        cart.Slots.ShouldAllBe(s => s.Locked);
    }
}
