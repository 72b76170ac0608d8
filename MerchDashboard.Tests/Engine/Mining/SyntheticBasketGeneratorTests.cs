using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class SyntheticBasketGeneratorTests
{
    [Fact]
    public void NextBasket_SameSeed_SameBaskets()
    {
        var (first, second) = (new SyntheticBasketGenerator(500, 9), new SyntheticBasketGenerator(500, 9));
        var (a, b) = (new int[10], new int[10]);
        for (var i = 0; i < 1000; i++)
        {
            var length = first.NextBasket(a);
            second.NextBasket(b).ShouldBe(length);
            a.AsSpan(0, length).SequenceEqual(b.AsSpan(0, length)).ShouldBeTrue();
        }
    }

    [Fact]
    public void NextBasket_ManyBaskets_AreSmallSkewedAndDistinct()
    {
        var generator = new SyntheticBasketGenerator(1000, 1);
        var basket = new int[SyntheticBasketGenerator.MaxBasketSize];
        var sizes = new int[SyntheticBasketGenerator.MaxBasketSize + 1];
        var counts = new int[1000];
        for (var i = 0; i < 20_000; i++)
        {
            var length = generator.NextBasket(basket);
            sizes[length]++;
            basket.Take(length).Distinct().Count().ShouldBe(length);
            foreach (var product in basket.Take(length))
            {
                counts[product]++;
            }
        }
        sizes[0].ShouldBe(0);
        sizes[1].ShouldBeGreaterThan(sizes[3]);
        sizes[3].ShouldBeGreaterThan(sizes[8]);
        var sorted = counts.OrderDescending().ToArray();
        sorted[0].ShouldBeGreaterThan(20 * sorted[500], "Zipf: the top product far outsells the median one");
    }

    [Fact]
    public void PlantedPairs_AreMinedWithHighLift()
    {
        var generator = new SyntheticBasketGenerator(200, 5, plantedPairCount: 3);
        using var writer = new StringWriter();
        generator.WriteBasketFile(writer, 20_000, null, TestContext.Current.CancellationToken);
        var baskets = LabelledTestBaskets.Encode(writer.ToString().TrimEnd('\n').Split('\n').Select(l => l.Split(',')));
        var itemsets = FrequentItemsetMiner.Mine(baskets, 20, 2, null, TestContext.Current.CancellationToken);
        var rules = RuleGenerator.Generate(itemsets, new MiningSettings { MinLift = 5 }, TestContext.Current.CancellationToken);

        var found = rules.Select(r => itemsets.Items(r.Itemset).ToArray())
            .Select(items => (baskets.Label(items[0]), baskets.Label(items[1]))).ToHashSet();

        generator.PlantedPairs.Count.ShouldBe(3);
        foreach (var (a, b) in generator.PlantedPairs)
        {
            found.ShouldContain((SyntheticBasketGenerator.ProductLabel(a), SyntheticBasketGenerator.ProductLabel(b)));
        }
    }
}
