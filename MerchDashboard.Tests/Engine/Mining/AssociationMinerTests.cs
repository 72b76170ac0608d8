using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class AssociationMinerTests
{
    [Fact]
    public void Run_HandComputedBaskets_RanksCandidatesByScore()
    {
        // N = 10. phone: 6 baskets; case with phone 4 times (case: 5); charger with phone 2 times (charger: 2).
        List<string[]> baskets =
        [
            ["phone", "case"], ["phone", "case"], ["phone", "case"], ["phone", "case", "charger"],
            ["phone", "charger"], ["phone"], ["case"], [], [], [],
        ];

        var encoded = LabelledTestBaskets.Encode(baskets);
        var result = AssociationMiner.Run(encoded, new MiningSettings { MinCount = 2 }, null, TestContext.Current.CancellationToken).Labelled(encoded);

        result.BasketCount.ShouldBe(10);
        result.MinCount.ShouldBe(2);
        var phone = result.Anchors.Single(a => a.Anchor == "phone");
        phone.AnchorCount.ShouldBe(6);
        // case: E = 6 x 5 / 10 = 3, score (4 + 10) / (3 + 10) = 1.077, lift 4/3;
        // charger: E = 6 x 2 / 10 = 1.2, score (2 + 10) / (1.2 + 10) = 1.071 although its lift is 5/3.
        phone.Candidates.Select(c => c.Item).ShouldBe(["case", "charger"]);
        phone.Candidates[0].Score.ShouldBe(14 / 13.0, 1e-12);
        phone.Candidates[0].Statistics.Lift.ShouldBe(4 / 3.0, 1e-12);
        phone.Candidates[1].Score.ShouldBe(12 / 11.2, 1e-12);
        phone.Candidates[1].Statistics.Lift.ShouldBe(5 / 3.0, 1e-12);
        phone.Bundles.ShouldBeEmpty();
    }

    [Fact]
    public void Run_TwoSightingsAtLiftFifty_RankBelowTwoHundredAtLiftFive()
    {
        // N = 100,000 (empty baskets count). count(A) = 400; rare: 2 with A, count 10 -> lift 50; common: 200 with A, count 10,000 -> lift 5.
        string[][] Times(int count, params string[] basket) => [.. Enumerable.Repeat(basket, count)];
        var baskets = Times(2, "A", "rare").Concat(Times(200, "A", "common")).Concat(Times(198, "A"))
            .Concat(Times(8, "rare")).Concat(Times(9_800, "common"));
        baskets = baskets.Concat(Times(100_000 - baskets.Count(), []));

        var encoded = LabelledTestBaskets.Encode(baskets);
        var result = AssociationMiner.Run(encoded, new MiningSettings(), null, TestContext.Current.CancellationToken).Labelled(encoded);

        var candidates = result.Anchors.Single(a => a.Anchor == "A").Candidates;
        candidates.Select(c => (c.Item, c.Statistics.Count)).ShouldBe([("common", 200), ("rare", 2)]);
        candidates[0].Statistics.Lift.ShouldBe(5, 1e-12);
        candidates[1].Statistics.Lift.ShouldBe(50, 1e-12);
    }

    [Fact]
    public void Run_TiedScores_BreakByCountThenLabel()
    {
        // Every pair with x is seen twice, with the same counts: equal scores, so labels decide (ordinal: "B" < "a").
        List<string[]> baskets = [["x", "a", "B", "c"], ["x", "a", "B", "c"], ["y"], ["z"]];

        var encoded = LabelledTestBaskets.Encode(baskets);
        var result = AssociationMiner.Run(encoded, new MiningSettings { ListSize = 2 }, null, TestContext.Current.CancellationToken).Labelled(encoded);

        result.Anchors.Single(a => a.Anchor == "x").Candidates.Select(c => c.Item).ShouldBe(["B", "a"]);
    }

    [Fact]
    public void Run_EqualScoresDifferentCounts_PrefersTheLargerCount()
    {
        // N = 8, count(a) = 4. a -> b: count 2, E = 4 x 2 / 8 = 1; a -> c: count 4, E = 4 x 4 / 8 = 2. With m = 0 both score 2.
        var baskets = LabelledTestBaskets.Encode([["a", "b", "c"], ["a", "b", "c"], ["a", "c"], ["a", "c"], ["x"], ["x"], ["x"], ["x"]]);
        var settings = new MiningSettings { ScorePriorCount = 0 };

        var result = AssociationMiner.Run(baskets, settings, null, TestContext.Current.CancellationToken).Labelled(baskets);

        var candidates = result.Anchors.Single(a => a.Anchor == "a").Candidates;
        candidates.Select(c => c.Score).ShouldBe([2.0, 2.0]);
        candidates.Select(c => c.Item).ShouldBe(["c", "b"]);
    }

    [Fact]
    public void Run_InvalidSettings_Throws()
    {
        Should.Throw<ArgumentException>(() => AssociationMiner.Run(LabelledTestBaskets.Encode([["a"]]), new MiningSettings { ListSize = 0 },
            null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Run_ThreeItemsets_FillsBundles()
    {
        List<string[]> baskets = [["cam", "lens", "bag"], ["cam", "lens", "bag"], ["cam", "lens", "bag", "card"], ["cam"], ["card"]];

        var encoded = LabelledTestBaskets.Encode(baskets);
        var result = AssociationMiner.Run(encoded, new MiningSettings { MinCount = 2, MaxLength = 3 }, null, TestContext.Current.CancellationToken).Labelled(encoded);

        var bundle = result.Anchors.Single(a => a.Anchor == "cam").Bundles.ShouldHaveSingleItem();
        bundle.Items.ShouldBe(["bag", "cam", "lens"]);
        bundle.Count.ShouldBe(3);
        // cam: 4, {bag, lens}: 3, N = 5: E = 2.4, score (3 + 10) / (2.4 + 10).
        bundle.Score.ShouldBe(13 / 12.4, 1e-12);
    }
}
