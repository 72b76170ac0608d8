using MerchDashboard.Engine.Composition;
using static MerchDashboard.Tests.Engine.Composition.GiftShop;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>A list is short only when nothing is left, and then the composer says why, counting the mined candidates it left out.</summary>
public class ComposerShortfallTests
{
    // The gift shop without any best seller: only the mined candidates and the rules can fill a list.
    private static readonly CatalogView NoBestSellers = Catalog with { BestSellers = new Dictionary<int, IReadOnlyList<int>>(), StoreBestSellers = [] };

    [Fact]
    public void Compose_EveryCandidateLeftOut_EmptyListCountsEachReason()
    {
        MinedCandidate[] mined =
        [
            new(BlueMug, 50, 0.03, 0.4, 9.0, 0.9), new(StripedMug, 30, 0.02, 0.3, 6.0, 0.8),
            new(SoldOutLantern, 20, 0.01, 0.1, 4.0, 0.5), new(Napkin, 20, 0.01, 0.1, 2.0, 0.3),
        ];
        var curation = new CurationState(CurationMode.Curated, [new Exclude(Napkin, "wrong season")]);

        var list = Compose(WhiteMug, 4, mined, curation, NoBestSellers);

        list.Slots.ShouldBeEmpty();
        list.Shortfall.Select(r => (r.Kind, r.Count)).ShouldBe(
        [
            (ShortfallKind.MinedSetAsAlternatives, 2), (ShortfallKind.MinedOutOfStock, 1), (ShortfallKind.MinedExcluded, 1),
            (ShortfallKind.NoRuleCovers, 0), (ShortfallKind.BestSellersExhausted, 0),
        ]);
        list.Shortfall.Select(r => r.Text).ShouldBe(
        [
            "2 mined candidates are alternatives in 'Mugs' (set as alternatives)",
            "1 mined candidate is out of stock",
            "1 mined candidate is excluded by a merchandiser",
            "no complement rule covers 'Mugs' or this product's tags",
            "no best sellers of 'Kitchen' left: every one is already shown, unavailable, excluded or an alternative",
        ]);
    }

    [Fact]
    public void Compose_SameCategoryWithoutEvidence_ShortListNamesTheThresholds()
    {
        MinedCandidate[] mined = [new(BlackBag, 40, 0.02, 0.3, 8.0, 0.9), new(PinkBag, 40, 0.02, 0.3, 2.5, 0.7), new(SpotBag, 9, 0.005, 0.1, 12.0, 0.6)];

        var list = Compose(RedBag, 3, mined, catalog: NoBestSellers);

        list.Slots.ShouldHaveSingleItem().Product.Id.ShouldBe(BlackBag);
        list.Shortfall[0].ShouldBe(new ShortfallReason(ShortfallKind.MinedWithoutEvidence, 2,
            "2 mined candidates are in the same category 'Lunch bags' without evidence of being bought together (needs 10+ orders and 3× lift), so they count as alternatives"));
    }

    [Fact]
    public void Compose_NoMinedCandidatesAndARuleWithNothingLeft_SaysSo()
    {
        var withRule = NoBestSellers with { Rules = [new ComplementRuleInfo(Mugs, null, Napkins)] };

        var list = Compose(WhiteMug, 2, [], catalog: withRule);

        list.Slots.ShouldBeEmpty();
        list.Shortfall.Select(r => r.Kind).ShouldBe([ShortfallKind.NoMinedCandidates, ShortfallKind.RulesExhausted, ShortfallKind.BestSellersExhausted]);
    }

    [Fact]
    public void Compose_LockedShortList_SaysItIsLocked()
    {
        var curation = new CurationState(CurationMode.Locked, [new Add(Napkin, 1)]);

        var list = Compose(WhiteMug, 3, [], curation);

        list.Slots.ShouldHaveSingleItem();
        list.Shortfall.ShouldHaveSingleItem().Kind.ShouldBe(ShortfallKind.Locked);
    }

    [Fact]
    public void Compose_FullList_HasNoShortfall()
    {
        var list = Compose(WhiteMug, 3, [new(BlueMug, 50, 0.03, 0.4, 9.0, 0.9)]);

        list.Slots.Count.ShouldBe(3);
        list.Shortfall.ShouldBeEmpty();
    }
}
