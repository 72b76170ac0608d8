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
        var itemsets = FrequentItemsetMiner.Mine(TransactionSet.FromBaskets(baskets), 2, 4, null, TestContext.Current.CancellationToken);
        var finder = new BundleFinder(itemsets, priorCount: 0);
        var a = itemsets.Baskets.IdOf("a");

        var bundles = finder.Find(a, 10);

        // With m = 0 the score is the lift of a -> rest. count(a) = 6, N = 10.
        // {a,b,c,d}: 2 / (6 x 2 / 10) = 1.667; {a,b,d}, {a,c,d}: same counts, 1.667;
        // {a,b,c}: 4 / (6 x 4 / 10) = 1.667; {a,e,f}: 2 / (6 x 4 / 10) = 0.833.
        bundles.Select(b => string.Join("", b.Items)).ShouldBe(["abc", "abcd", "abd", "acd", "aef"]);
        bundles[0].Score.ShouldBe(4 / 2.4, 1e-12);
        bundles[^1].Score.ShouldBe(2 / 2.4, 1e-12);
        bundles.ShouldAllBe(b => b.Items.Count >= 3 && b.Items.Count <= 4 && b.Items.Contains("a"));
        finder.Find(a, 2).Count.ShouldBe(2);
        finder.Find(itemsets.Baskets.IdOf("f"), 10).Select(b => string.Join("", b.Items)).ShouldBe(["aef"]);
    }
}
