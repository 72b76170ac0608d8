using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.ToyStore;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>Merchandisers' notes explain slots in the editor and the preview, never to shoppers (issue 16, item 10).</summary>
public class ComposerNotesTests
{
    [Fact]
    public void Compose_PinAndAddWithNotes_ShopperExplanationLeavesTheNotesOut()
    {
        var curation = new CurationState(CurationMode.LockedTopN,
            [new Pin(TrackSet, 1, "better margin"), new Add(StuntRamp, 1, "overstock, push it")], LockedTopN: 2);

        var list = Compose(RacerCar, 3, MinedForCar, curation);

        list.Slots[0].Explanation.ShouldBe("Pinned by a merchandiser at slot 1 — note: better margin");
        list.Slots[0].ShopperExplanation.ShouldBe("Pinned by a merchandiser at slot 1");
        list.Slots[1].Explanation.ShouldBe("Locked by a merchandiser — note: overstock, push it");
        list.Slots[1].ShopperExplanation.ShouldBe("Locked by a merchandiser");
        list.Slots[2].ShopperExplanation.ShouldBe(list.Slots[2].Explanation);
    }

    [Fact]
    public void Compose_PersonalizedSlotWithANote_ShopperVersionKeepsThePersonalizationButNotTheNote()
    {
        var curation = new CurationState(CurationMode.Curated, [new Add(StuntRamp, 1, "better margin")]);
        var shopper = new FixedShopper("fan", new Dictionary<int, double> { [TrackSet] = 1.0 }, "because you bought a track");

        var list = Compose(RacerCar, 3, MinedForCar, curation, shopper);

        list.Slots.ShouldAllBe(s => !s.ShopperExplanation.Contains("better margin"));
        list.Slots.Single(s => s.Product.Id == StuntRamp).Explanation.ShouldContain("note: better margin");
    }
}
