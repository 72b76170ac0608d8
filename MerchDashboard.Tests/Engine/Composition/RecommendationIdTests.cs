using System.Text;
using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;

namespace MerchDashboard.Tests.Engine.Composition;

public class RecommendationIdTests
{
    [Fact]
    public void For_ComposedList_IsTheFnv1aHashOfAnchorShopperAsOfAndSlots()
    {
        var shopper = new FixedShopper("customer C7", new Dictionary<int, double>());
        var list = Compose(RacerCar, 4, MinedForCar, shopper: shopper);

        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes(RacerCar));
        bytes.AddRange(Encoding.Unicode.GetBytes("customer C7"));
        bytes.AddRange(BitConverter.GetBytes(AsOf.Ticks));
        foreach (var id in new[] { TrackSet, AaBatteries, Puzzle, AaaBatteries })
        {
            bytes.AddRange(BitConverter.GetBytes(id));
        }

        list.RecommendationId.ShouldBe(Fnv1a64(bytes).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void For_AnonymousAndShopper_DifferAndRepeatExactly()
    {
        var anonymous = Compose(RacerCar, 4, MinedForCar);
        var shopper = Compose(RacerCar, 4, MinedForCar, shopper: new FixedShopper("customer C7", new Dictionary<int, double>()));

        anonymous.RecommendationId.ShouldBe(Compose(RacerCar, 4, MinedForCar).RecommendationId);
        anonymous.RecommendationId.ShouldNotBe(shopper.RecommendationId);
        anonymous.RecommendationId.ShouldNotBe(Compose(RacerCar, 3, MinedForCar).RecommendationId);
        anonymous.RecommendationId.Length.ShouldBe(16);
    }

    [Fact]
    public void ForCart_CartList_IsTheFnv1aHashOfCartTextCartIdsShopperAsOfAndSlots()
    {
        var slots = new[] { TrackSet, Puzzle }.Select((id, i) => new CartSlot(i + 1, Product(id), SlotSource.Mined,
            CartSlotBasis.BoughtTogether, Locked: false, PersonalizationMoved: false, [Product(RacerCar)], "", null)).ToList();

        var bytes = new List<byte>();
        bytes.AddRange(Encoding.Unicode.GetBytes("cart"));
        bytes.AddRange(BitConverter.GetBytes(RacerCar));
        bytes.AddRange(BitConverter.GetBytes(AaBatteries));
        bytes.AddRange(Encoding.Unicode.GetBytes("anonymous"));
        bytes.AddRange(BitConverter.GetBytes(AsOf.Ticks));
        bytes.AddRange(BitConverter.GetBytes(TrackSet));
        bytes.AddRange(BitConverter.GetBytes(Puzzle));

        RecommendationId.ForCart([RacerCar, AaBatteries], null, AsOf, slots)
            .ShouldBe(Fnv1a64(bytes).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ForShopper_RecommendationsList_IsTheFnv1aHashOfTextShopperAsOfAndProducts()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.Unicode.GetBytes("recommendations"));
        bytes.AddRange(Encoding.Unicode.GetBytes("C7"));
        bytes.AddRange(BitConverter.GetBytes(AsOf.Ticks));
        bytes.AddRange(BitConverter.GetBytes(Puzzle));
        bytes.AddRange(BitConverter.GetBytes(TrackSet));

        var id = RecommendationId.ForShopper("C7", AsOf, [Puzzle, TrackSet]);

        id.ShouldBe(Fnv1a64(bytes).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        id.ShouldNotBe(RecommendationId.ForShopper("C7", AsOf, [TrackSet, Puzzle]));
        id.ShouldNotBe(RecommendationId.ForShopper("C8", AsOf, [Puzzle, TrackSet]));
    }

    private static ulong Fnv1a64(IEnumerable<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }
        return hash;
    }
}
