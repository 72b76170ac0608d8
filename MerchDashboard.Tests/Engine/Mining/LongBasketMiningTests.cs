using System.Diagnostics;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

/// <summary>
/// The merchant's failure at a small scale: a store with Online-Retail-like long baskets, mined at the
/// app's defaults (min count 5, max length 3), where 3-item combinations explode.
/// </summary>
public class LongBasketMiningTests
{
    private const long SmallBudgetBytes = 5L << 20;
    private static readonly MiningSettings AppDefaults = new() { MinCount = 5, MinConfidence = 0.02, MinLift = 1.5, MaxLength = 3, ListSize = 20 };
    private static readonly Lazy<TransactionSet> Store = new(() => LongBasketStore(300, 300, seed: 13));

    internal static TransactionSet LongBasketStore(int orders, int products, int seed)
    {
        var generator = new SyntheticBasketGenerator(products, seed, sizes: BasketSizes.OnlineRetailLike);
        var encoder = new BasketEncoder();
        var basket = new int[generator.LongestBasket];
        for (var i = 0; i < orders; i++)
        {
            foreach (var product in basket.AsSpan(0, generator.NextBasket(basket)))
            {
                encoder.AddItem(product);
            }
            encoder.EndBasket();
        }
        return encoder.Build();
    }

    [Fact]
    public void Mine_LongBasketsAtAppDefaultsWithoutLimit_NeedFarMoreThanTheSmallBudget()
    {
        var budget = MemoryBudget.Unlimited();

        FrequentItemsetMiner.TryMine(Store.Value, 5, 3, budget, null, TestContext.Current.CancellationToken).ShouldNotBeNull();

        budget.PeakBytes.ShouldBeGreaterThan(3 * SmallBudgetBytes, "the unbounded search is what grew to 22.6 GB on the real store");
    }

    [Fact]
    public void TryMine_OverTheBudget_ReturnsNullAndGivesEveryByteBack()
    {
        var budget = new MemoryBudget(SmallBudgetBytes);

        var itemsets = FrequentItemsetMiner.TryMine(Store.Value, 5, 3, budget, null, TestContext.Current.CancellationToken);

        itemsets.ShouldBeNull();
        budget.Exceeded.ShouldBeTrue();
        budget.UsedBytes.ShouldBe(0);
        budget.PeakBytes.ShouldBeLessThanOrEqualTo(SmallBudgetBytes);
    }

    [Fact]
    public void Run_LongBasketsAtAppDefaults_FitTheBudgetWithoutFallbackSinceBundlesSkipLongBaskets()
    {
        var budget = new MemoryBudget(SmallBudgetBytes);
        var unbounded = AssociationMiner.Run(Store.Value, AppDefaults, MemoryBudget.Unlimited(), null, TestContext.Current.CancellationToken);

        var result = AssociationMiner.Run(Store.Value, AppDefaults, budget, null, TestContext.Current.CancellationToken);

        budget.PeakBytes.ShouldBeLessThanOrEqualTo(SmallBudgetBytes);
        result.Fallback.ShouldBeNull("bundles are mined from baskets of at most 50 items, so the 3-item level fits");
        Lists(result).ShouldBe(Lists(unbounded));
        result.Anchors.SelectMany(a => a.Bundles).ShouldNotBeEmpty();
    }

    [Fact]
    public void Run_LongBasketsWithoutTheBundleBasketCap_FinishesWithinTheBudgetWithTheSameSuggestions()
    {
        var settings = AppDefaults with { MaxBundleBasketItems = int.MaxValue };
        var budget = new MemoryBudget(SmallBudgetBytes);
        var unbounded = AssociationMiner.Run(Store.Value, settings, MemoryBudget.Unlimited(), null, TestContext.Current.CancellationToken);

        var result = AssociationMiner.Run(Store.Value, settings, budget, null, TestContext.Current.CancellationToken);

        budget.PeakBytes.ShouldBeLessThanOrEqualTo(SmallBudgetBytes);
        unbounded.Fallback.ShouldBeNull();
        var fallback = result.Fallback.ShouldNotBeNull();
        fallback.PairMinCount.ShouldBe(5, "pairs fit: the candidate lists are mined at the configured minimum");
        fallback.BundleMinCount.ShouldNotBeNull().ShouldBeGreaterThan(5);
        fallback.Describe().ShouldContain($"at least {fallback.BundleMinCount} times");
        Lists(result).ShouldBe(Lists(unbounded));
        var bundles = result.Anchors.SelectMany(a => a.Bundles).ToList();
        bundles.ShouldNotBeEmpty();
        bundles.ShouldAllBe(b => b.Count >= fallback.BundleMinCount);
    }

    [Fact]
    public void Run_BudgetTooSmallEvenForPairs_RaisesThePairMinimumAndSaysSo()
    {
        var budget = new MemoryBudget(Store.Value.MemoryBytes + (900L << 10));

        var result = AssociationMiner.Run(Store.Value, AppDefaults with { MaxLength = 2 }, budget, null, TestContext.Current.CancellationToken);

        budget.PeakBytes.ShouldBeLessThanOrEqualTo(budget.LimitBytes);
        var fallback = result.Fallback.ShouldNotBeNull();
        fallback.PairMinCount.ShouldBeGreaterThan(5);
        result.Anchors.SelectMany(a => a.Candidates).ShouldAllBe(c => c.Statistics.Count >= fallback.PairMinCount);
        fallback.Describe().ShouldContain($"at least {fallback.PairMinCount:N0} times (instead of 5)");
    }

    [Fact]
    public void Run_EnoughBudget_IsThePlainResult()
    {
        var baskets = LabelledTestBaskets.Encode([["cam", "lens", "bag"], ["cam", "lens", "bag"], ["cam", "lens"], ["bag"]]);

        var result = AssociationMiner.Run(baskets, new MiningSettings { MinCount = 2, MaxLength = 3 }, new MemoryBudget(16L << 20), null,
            TestContext.Current.CancellationToken).Labelled(baskets);

        result.Fallback.ShouldBeNull();
        result.Anchors.Single(a => a.Anchor == "cam").Bundles.ShouldHaveSingleItem().Items.ShouldBe(["bag", "cam", "lens"]);
    }

    [Fact]
    public void TryMine_CancelledInsideOneHugeTopLevelItem_ReturnsWithinASecond()
    {
        // Thirty items in every basket: every subset is frequent, so the first top-level item alone has 2^29 itemsets.
        var dense = Enumerable.Range(0, 30).Select(i => $"i{i:D2}").ToArray();
        var baskets = LabelledTestBaskets.Encode(Enumerable.Repeat(dense, 2_000));
        using var cts = new CancellationTokenSource();
        var mining = Task.Run(() => FrequentItemsetMiner.TryMine(baskets, 1, 0, MemoryBudget.Unlimited(), null, cts.Token),
            TestContext.Current.CancellationToken);
        Thread.Sleep(300);
        mining.IsCompleted.ShouldBeFalse();

        var clock = Stopwatch.StartNew();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => mining.GetAwaiter().GetResult());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void OnlineRetailLikeSizes_MeanAboutTwentySixWithALongTail()
    {
        var generator = new SyntheticBasketGenerator(4_000, seed: 1, sizes: BasketSizes.OnlineRetailLike);
        var basket = new int[generator.LongestBasket];

        var sizes = Enumerable.Range(0, 25_900).Select(_ => generator.NextBasket(basket)).ToArray();

        sizes.Average().ShouldBeInRange(22, 30);
        sizes.Max().ShouldBeInRange(300, SyntheticBasketGenerator.MaxLongBasketSize);
        sizes.Min().ShouldBe(1);
    }

    private static List<string> Lists(MiningResult result) =>
        [.. result.Anchors.Where(a => a.Candidates.Count > 0).Select(a => $"{a.Anchor}: {string.Join(",", a.Candidates.Select(c => c.Item))}")];
}
