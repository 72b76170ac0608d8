using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.GiftShop;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>Worked examples of who counts as a substitute: unknown categories, evidence, and the per-category setting.</summary>
public class ComposerSubstituteTests
{
    private static int[] Ids(ComposedList list) => [.. list.Slots.Select(s => s.Product.Id)];

    [Fact]
    public void Compose_AnchorWithoutCategory_KeepsMinedItemsOfThePlaceholderAndFallsBackStoreWide()
    {
        // Before: every product "Uncategorized", so every mined item was a substitute and the Imported department's
        // best sellers were all skipped too: an empty list. Clock c = 0.8/0.8 = 1, bunting 0.4/0.8 = 0.5 (no evidence
        // needed), the lantern is out of stock; then the store's best sellers: red bag, (clock taken), green cup.
        MinedCandidate[] mined = [new(TableClock, 30, 0.01, 0.2, 5.0, 0.8), new(Bunting, 2, 0.001, 0.05, 1.1, 0.4), new(SoldOutLantern, 20, 0.01, 0.1, 4.0, 0.6)];

        var list = Compose(Doorstop, 4, mined);

        Ids(list).ShouldBe([TableClock, Bunting, RedBag, GreenCup]);
        list.Slots.Select(s => s.Source).ShouldBe([SlotSource.Mined, SlotSource.Mined, SlotSource.Fallback, SlotSource.Fallback]);
        list.Slots[0].Explanation.ShouldBe("Bought together in 30 orders; 5.0× more often than chance");
        list.Slots[2].Explanation.ShouldBe("Best seller in the store (fallback)");
        list.Shortfall.ShouldBeEmpty();
    }

    [Fact]
    public void Compose_AnchorWithoutCategoryAndNoMinedEvidence_StillGetsTheStoreBestSellers()
    {
        var list = Compose(Candle, 3, []);

        Ids(list).ShouldBe([RedBag, TableClock, GreenCup]);
        list.Slots.ShouldAllBe(s => s.Source == SlotSource.Fallback);
    }

    [Fact]
    public void Compose_SameCategoryByEvidence_KeepsOnlyThePairBoughtTogetherClearlyMoreThanChance()
    {
        // Black bag: 40 orders, lift 8 >= 3: a complement. Pink bag: lift 2.5 < 3. Spots: 9 orders < 10. Napkins: other
        // category. Fallback from Kitchen: green cup, white mug, (pink and spot bags are still alternatives), pink cup.
        MinedCandidate[] mined =
        [
            new(BlackBag, 40, 0.02, 0.3, 8.0, 0.9), new(PinkBag, 40, 0.02, 0.3, 2.5, 0.7),
            new(SpotBag, 9, 0.005, 0.1, 12.0, 0.6), new(Napkin, 20, 0.01, 0.1, 1.5, 0.45),
        ];

        var list = Compose(RedBag, 5, mined);

        Ids(list).ShouldBe([BlackBag, Napkin, GreenCup, WhiteMug, PinkCup]);
        list.Slots[0].Explanation.ShouldBe("Bought together in 40 orders; 8.0× more often than chance, although in the same category");
        list.Slots[1].Explanation.ShouldBe("Bought together in 20 orders; 1.5× more often than chance");
    }

    [Theory]
    [InlineData(10, 3.0, true)]
    [InlineData(9, 3.0, false)]
    [InlineData(10, 2.999, false)]
    [InlineData(500, 40.0, true)]
    public void SameCategoryEvidence_Default_NeedsTenOrdersAndLiftThree(int orders, double lift, bool together) =>
        SameCategoryEvidence.Default.IsBoughtTogether(new MinedCandidate(1, orders, 0.01, 0.1, lift, 0.5)).ShouldBe(together);

    [Fact]
    public void Compose_EvidenceThresholdsFromTheCatalog_DecideTheSamePairDifferently()
    {
        MinedCandidate[] mined = [new(PinkBag, 40, 0.02, 0.3, 2.5, 0.7)];
        var lenient = Catalog with { Evidence = new SameCategoryEvidence(2.0, 5) };

        Ids(Compose(RedBag, 1, mined, catalog: lenient)).ShouldBe([PinkBag]);
        Ids(Compose(RedBag, 1, mined)).ShouldBe([GreenCup]);
    }

    [Fact]
    public void Compose_CategorySetToGoTogether_KeepsWeakSameCategoryPairsAndSameCategoryBestSellers()
    {
        // One weak teacup pair (3 orders, lift 1.2) is kept; the Kitchen fallback then includes the roses teacup.
        var list = Compose(GreenCup, 10, [new(PinkCup, 3, 0.001, 0.05, 1.2, 0.9)]);

        Ids(list).ShouldBe([PinkCup, RedBag, BlackBag, WhiteMug, PinkBag, SpotBag, Napkin, BlueMug, RosesCup, StripedMug]);
        list.Slots[0].Explanation.ShouldBe("Bought together in 3 orders; 1.2× more often than chance; items of Teacups go together");
        list.Slots[8].Source.ShouldBe(SlotSource.Fallback);
    }

    [Fact]
    public void Compose_CategorySetAsAlternatives_DropsSameCategoryItemsEvenWithStrongEvidence()
    {
        var list = Compose(WhiteMug, 3, [new(BlueMug, 50, 0.03, 0.4, 9.0, 0.9), new(Napkin, 20, 0.01, 0.1, 2.0, 0.3)]);

        // Kitchen's best sellers after the napkins: red bag, green cup (the mugs are skipped).
        Ids(list).ShouldBe([Napkin, RedBag, GreenCup]);
    }

    [Fact]
    public void Compose_SubstituteAddedByHand_StaysEvenInACategorySetAsAlternatives()
    {
        var curation = new CurationState(CurationMode.Curated, [new Add(BlueMug, 1, "matching set")]);

        var list = Compose(WhiteMug, 1, [], curation);

        list.Slots.ShouldHaveSingleItem().Product.Id.ShouldBe(BlueMug);
        list.Slots[0].Source.ShouldBe(SlotSource.Manual);
    }
}
