using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class BundleFinderTests
{
    [Fact]
    public void Find_Anchor_RanksItsThreeAndFourItemBundles()
    {
        List<string[]> baskets =
        [
            ["a", "b", "c", "d"], ["a", "b", "c", "d"], ["a", "b", "c"], ["a", "b", "c"],
            ["a", "e", "f"], ["a", "e", "f"], ["e", "f"], ["e", "f"], ["b"], ["c"],
        ];
        var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(baskets), 2, 4, null, TestContext.Current.CancellationToken);
        var finder = new BundleFinder(itemsets, priorCount: 0);
        var a = itemsets.Baskets.IdOf("a");

        var bundles = finder.Find(a, 10);

        // With m = 0 the score is the lift of a -> rest. count(a) = 6, N = 10.
        // {a,b,c,d}: 2 / (6 x 2 / 10) = 1.667; {a,b,d}, {a,c,d}: same counts, 1.667;
        // {a,b,c}: 4 / (6 x 4 / 10) = 1.667; {a,e,f}: 2 / (6 x 4 / 10) = 0.833.
        bundles.Select(b => string.Join("", b.Items.Select(itemsets.Baskets.LabelOfId))).ShouldBe(["abc", "abcd", "abd", "acd", "aef"]);
        bundles[0].Score.ShouldBe(4 / 2.4, 1e-12);
        bundles[^1].Score.ShouldBe(2 / 2.4, 1e-12);
        bundles.ShouldAllBe(b => b.Items.Count >= 3 && b.Items.Count <= 4 && b.Items.Contains(itemsets.Baskets.Id(a)));
        finder.Find(a, 2).Count.ShouldBe(2);
        finder.Find(itemsets.Baskets.IdOf("f"), 10).Select(b => string.Join("", b.Items.Select(itemsets.Baskets.LabelOfId))).ShouldBe(["aef"]);
    }

    [Fact]
    public void Find_RandomStores_TopKIsThePrefixOfTheFullRanking()
    {
        var random = new Random(11);
        for (var round = 0; round < 30; round++)
        {
            var baskets = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => ((char)('a' + random.Next(8))).ToString()).ToArray()).ToList();
            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(baskets), 2, 4, null, TestContext.Current.CancellationToken);
            var finder = new BundleFinder(itemsets, priorCount: 1);
            for (var anchor = 0; anchor < itemsets.Baskets.ItemCount; anchor++)
            {
                var all = finder.Find(anchor, int.MaxValue / 2).Select(b => string.Join("|", b.Items)).ToList();
                for (var k = 1; k <= 4; k++)
                {
                    finder.Find(anchor, k).Select(b => string.Join("|", b.Items)).ShouldBe(all.Take(k));
                }
            }
        }
    }

    [Fact]
    public void Run_LongBaskets_BundlesComeFromShortBasketsOnlyAndPairsFromAll()
    {
        // Three orders of a, b, c; two 60-item wholesale orders that also hold a, b, c: bundles see only the
        // short orders (count 3), pairs every order (count 5).
        var wholesale = new[] { "a", "b", "c" }.Concat(Enumerable.Range(0, 57).Select(i => $"w{i:D2}")).ToArray();
        List<string[]> baskets = [["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"], wholesale, wholesale, ["d"]];
        var settings = new MiningSettings { MinCount = 2, MaxLength = 3, ListSize = 5, MaxBundleBasketItems = 50 };

        var encoded = LabelledTestBaskets.Encode(baskets);
        var result = AssociationMiner.Run(encoded, settings, null, TestContext.Current.CancellationToken).Labelled(encoded);

        var a = result.Anchors.Single(x => x.Anchor == "a");
        a.Candidates.Single(c => c.Item == "b").Statistics.Count.ShouldBe(5);
        a.Bundles.Select(b => string.Join("", b.Items)).ShouldBe(["abc"]);
        a.Bundles[0].Count.ShouldBe(3);
        result.Anchors.ShouldNotContain(x => x.Bundles.Any(b => b.Items.Any(i => i.StartsWith('w'))));
    }

    [Fact]
    public void WithBasketsOfAtMost_KeepsIdsAndDropsLongerBaskets()
    {
        var set = LabelledTestBaskets.Encode([["a", "b"], ["a", "b", "c", "d"], ["c"]]);

        var shorter = set.WithBasketsOfAtMost(2);

        shorter.BasketCount.ShouldBe(2);
        shorter.ItemCount.ShouldBe(set.ItemCount);
        shorter.IdOf("d").ShouldBe(set.IdOf("d"));
        shorter.ItemSupportCount(set.IdOf("d")).ShouldBe(0);
        shorter.ItemSupportCount(set.IdOf("c")).ShouldBe(1);
        set.WithBasketsOfAtMost(4).ShouldBeSameAs(set);
    }
}
