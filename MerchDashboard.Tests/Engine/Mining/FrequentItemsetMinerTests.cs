using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class FrequentItemsetMinerTests
{
    [Fact]
    public void Mine_RandomDatasets_MatchesBruteForceCounts()
    {
        var random = new Random(20261125);
        for (var run = 0; run < 200; run++)
        {
            var baskets = MiningTestData.RandomBaskets(random);
            var maxLength = random.Next(1, 5);
            var minCount = random.Next(1, 6);
            var expected = new BruteForce(baskets, maxLength).Frequent(minCount);

            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(baskets), minCount, maxLength, null, TestContext.Current.CancellationToken);

            var actual = Enumerable.Range(0, itemsets.Count).ToDictionary(i => BruteForce.Key(itemsets.Labels(i)), itemsets.SupportCount);
            actual.Count.ShouldBe(itemsets.Count, $"run {run}: an itemset appears twice");
            actual.ShouldBe(expected, ignoreOrder: true, $"run {run}");
        }
    }

    [Fact]
    public void Mine_LongBasketsAnyMaxLengthUpToTenOrNone_MatchesBruteForceCounts()
    {
        var random = new Random(20261130);
        for (var run = 0; run < 80; run++)
        {
            var baskets = MiningTestData.RandomLongBaskets(random);
            var maxLength = random.Next(0, 11);
            var minCount = random.Next(1, 8);
            var expected = new BruteForce(baskets, maxLength == 0 ? int.MaxValue : maxLength).Frequent(minCount);

            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(baskets), minCount, maxLength, null, TestContext.Current.CancellationToken);

            var actual = Enumerable.Range(0, itemsets.Count).ToDictionary(i => BruteForce.Key(itemsets.Labels(i)), itemsets.SupportCount);
            actual.ShouldBe(expected, ignoreOrder: true, $"run {run}, max length {maxLength}, min count {minCount}");
        }
    }

    [Fact]
    public void Mine_NoLengthLimit_FindsTheWholeBasket()
    {
        string[] twelve = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];

        var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode([twelve, twelve]), 2, 0, null, TestContext.Current.CancellationToken);

        itemsets.Count.ShouldBe((1 << 12) - 1, "every non-empty subset of the twelve items");
        itemsets.MaxLength.ShouldBe(12);
        itemsets.IndexOf(Enumerable.Range(0, 12).ToArray()).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Mine_RandomDatasets_ListsItemsetsInLexicographicOrder()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(MiningTestData.RandomBaskets(random)), 1, 4, null, TestContext.Current.CancellationToken);
            for (var i = 1; i < itemsets.Count; i++)
            {
                CompareItemByItem(itemsets.Labels(i - 1), itemsets.Labels(i)).ShouldBeLessThan(0, $"run {run}, itemset {i}");
                itemsets.IndexOf(itemsets.Items(i)).ShouldBe(i);
            }
        }
    }

    [Fact]
    public void Mine_HandCountedBaskets_GivesTheseCounts()
    {
        var baskets = LabelledTestBaskets.Encode([["milk", "bread"], ["milk", "bread", "butter"], ["bread", "butter"], ["milk", "milk"], []]);

        var itemsets = FrequentItemsetMiner.Mine(baskets, 2, 3, null, TestContext.Current.CancellationToken);

        baskets.BasketCount.ShouldBe(5);
        Enumerable.Range(0, itemsets.Count).Select(i => $"{BruteForce.Key(itemsets.Labels(i))}={itemsets.SupportCount(i)}")
            .ShouldBe(["bread=3", "bread|butter=2", "bread|milk=2", "butter=2", "milk=3"]);
    }

    [Fact]
    public void Mine_CancelledToken_Throws()
    {
        var baskets = LabelledTestBaskets.Encode([["a", "b"], ["a", "b"]]);
        Should.Throw<OperationCanceledException>(() => FrequentItemsetMiner.Mine(baskets, 1, 2, null, new CancellationToken(true)));
    }

    private static int CompareItemByItem(string[] x, string[] y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = string.CompareOrdinal(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return x.Length.CompareTo(y.Length);
    }
}
