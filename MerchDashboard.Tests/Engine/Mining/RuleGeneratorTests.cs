using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class RuleGeneratorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generate_RandomDatasetsAndThresholds_MatchesBruteForceRules(bool longBaskets)
    {
        var random = new Random(42);
        for (var run = 0; run < (longBaskets ? 40 : 200); run++)
        {
            var baskets = longBaskets ? MiningTestData.RandomLongBaskets(random) : MiningTestData.RandomBaskets(random);
            var (maxLength, minCount) = longBaskets ? (random.Next(0, 11) is var m && m == 1 ? 0 : m, random.Next(2, 8)) : (random.Next(2, 5), random.Next(1, 5));
            var (confidenceTwentieths, liftQuarters) = (random.Next(0, 21), random.Next(0, 9));
            var settings = new MiningSettings
            {
                MinCount = minCount, MaxLength = maxLength,
                MinConfidence = confidenceTwentieths / 20.0, MinLift = liftQuarters / 4.0,
            };
            var expected = new BruteForce(baskets, maxLength == 0 ? int.MaxValue : maxLength).Rules(minCount, confidenceTwentieths, liftQuarters);

            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(baskets), minCount, maxLength, null, TestContext.Current.CancellationToken);
            var rules = RuleGenerator.Generate(itemsets, settings, TestContext.Current.CancellationToken);

            var actual = rules.ToDictionary(r => (Antecedent(itemsets, r), itemsets.Baskets.Label(r.Consequent(itemsets))), r => r.Statistics);
            actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true, $"run {run}");
            foreach (var (key, rule) in expected)
            {
                var s = actual[key];
                var what = $"run {run}, {key}";
                (s.Count, s.AntecedentCount, s.ConsequentCount, s.BasketCount).ShouldBe((rule.Count, rule.CountA, rule.CountC, rule.N), what);
                s.Support.ShouldBeClose(rule.Support, what);
                s.Confidence.ShouldBeClose(rule.Confidence, what);
                s.Lift.ShouldBeClose(rule.Lift, what);
                s.Leverage.ShouldBeClose(rule.Leverage, what);
                s.Conviction.ShouldBeClose(rule.Conviction, what);
            }
        }
    }

    [Fact]
    public void Generate_RandomDatasets_OrdersByAntecedentThenConsequent()
    {
        var random = new Random(3);
        for (var run = 0; run < 50; run++)
        {
            var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode(MiningTestData.RandomBaskets(random)), 1, 3, null, TestContext.Current.CancellationToken);
            var rules = RuleGenerator.Generate(itemsets, new MiningSettings { MaxLength = 3 }, TestContext.Current.CancellationToken);
            var keys = rules.Select(r => (A: Antecedent(itemsets, r).Split('|'), C: itemsets.Baskets.Label(r.Consequent(itemsets)))).ToList();
            keys.ShouldBe(keys.OrderBy(k => k.A, ItemByItem.Instance).ThenBy(k => k.C, StringComparer.Ordinal).ToList(), $"run {run}");
        }
    }

    [Fact]
    public void Generate_ConfidenceOne_HasInfiniteConviction()
    {
        var itemsets = FrequentItemsetMiner.Mine(LabelledTestBaskets.Encode([["a", "b"], ["a", "b"], ["b"]]), 1, 2, null, TestContext.Current.CancellationToken);

        var rules = RuleGenerator.Generate(itemsets, new MiningSettings(), TestContext.Current.CancellationToken);

        var aToB = rules.Single(r => itemsets.Baskets.Label(r.Consequent(itemsets)) == "b").Statistics;
        aToB.Confidence.ShouldBe(1);
        aToB.Conviction.ShouldBe(double.PositiveInfinity);
        var bToA = rules.Single(r => itemsets.Baskets.Label(r.Consequent(itemsets)) == "a").Statistics;
        bToA.Conviction.ShouldBe((1 - 2.0 / 3) / (1 - 2.0 / 3), 1e-15);
    }

    private static string Antecedent(FrequentItemsets itemsets, AssociationRule rule)
    {
        var items = new int[itemsets.MaxLength];
        var length = rule.Antecedent(itemsets, items);
        return BruteForce.Key(items.Take(length).Select(itemsets.Baskets.Label));
    }

    private sealed class ItemByItem : IComparer<string[]>
    {
        public static readonly ItemByItem Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
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
}
