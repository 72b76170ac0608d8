using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class OfflineEvaluatorTests
{
    private static readonly DateTime T1 = AsOf.AddDays(-30);
    private static readonly DateTime T2 = AsOf.AddDays(-20);
    private static readonly DateTime T3 = AsOf.AddDays(-10);

    // Customer 1: {1,2} at T1, {3} at T3 (held out). Customer 2: {1,3} at T1, {2,4} at T2 (held out).
    // Customers 3 {1,3} and 4 {2,4} have one order each and stay in training.
    private static readonly Purchase[] History =
    [
        Bought(1, 1, T1), Bought(1, 2, T1), Bought(1, 3, T3),
        Bought(2, 1, T1), Bought(2, 3, T1), Bought(2, 2, T2), Bought(2, 4, T2),
        Bought(3, 1, T1), Bought(3, 3, T1),
        Bought(4, 2, T1), Bought(4, 4, T1),
    ];

    /// <summary>Each product in its own category and without brand, so boosts are 1 and the hand computation stays short.</summary>
    private static readonly CatalogIndex Catalog = CatalogIndex.Create(
        Enumerable.Range(1, 5).Select(id => Product(id, id)), new Dictionary<int, string>());

    [Fact]
    public void Create_History_HoldsOutTheLastOrderOfRepeatCustomers()
    {
        var split = HoldoutSplit.Create(History);

        split.HeldOut.ShouldBe(
        [
            new HeldOutOrder(1, T3, [3], [1, 2]),
            new HeldOutOrder(2, T2, [2, 4], [1, 3]),
        ], new HeldOutComparer());
        split.Training.Count.ShouldBe(8);
        split.Training.ShouldNotContain(p => (p.CustomerKey == 1 && p.At == T3) || (p.CustomerKey == 2 && p.At == T2));
    }

    [Fact]
    public void Evaluate_TinyHistory_MatchesHandComputation()
    {
        var asked = new List<int[]>();
        IReadOnlyList<int> FrequentlyBoughtWith(IReadOnlyList<int> previous)
        {
            asked.Add([.. previous]);
            return previous.Contains(2) ? [3, 5] : [4, 5];
        }

        var report = OfflineEvaluator.Evaluate(
            HoldoutSplit.Create(History), Catalog, FrequentlyBoughtWith, new EvaluationOptions([1, 2]),
            cancellationToken: TestContext.Current.CancellationToken);

        report.TrainingLines.ShouldBe(8);
        report.HeldOutOrders.ShouldBe(2);
        asked.ShouldBe([[1, 2], [1, 3]]);

        // Frequently bought with: customer 1 gets [3,5] (held out {3}), customer 2 gets [4,5] (held out {2,4}).
        // @1: hits 1 and 1 -> hit rate 1, precision (1 + 1)/2 = 1, recall (1/1 + 1/2)/2 = 0.75.
        // @2: hits 1 and 1 -> hit rate 1, precision (1/2 + 1/2)/2 = 0.5, recall (1 + 1/2)/2 = 0.75.
        ShouldMatch(report.For(OfflineEvaluator.FrequentlyBoughtWith), (1, 1, 1, 0.75), (2, 1, 0.5, 0.75));

        // Best sellers of the 8 training lines: product 1 (3 lines), then 2, 3 (2 lines each), 4 -> [1, 2].
        // @1: [1] hits nobody -> 0, 0, 0. @2: [1,2] hits customer 2 once -> hit rate 1/2, precision (0 + 1/2)/2 = 0.25,
        // recall (0 + 1/2)/2 = 0.25.
        ShouldMatch(report.For(OfflineEvaluator.BestSellerBaseline), (1, 0, 0, 0), (2, 0.5, 0.25, 0.25));

        // Personalized, from training customers {1,2}, {1,3}, {1,3}, {2,4}: sim(1,3) = 2/sqrt(6), sim(1,2) = 1/sqrt(6),
        // sim(2,4) = 1/sqrt(2), the other pairs 0. Customer 1 owns 1 and 2 (weights 1): 3 scores 0.816, 4 scores 0.707
        // -> [3, 4]. Customer 2 owns 1 and 3: only 2 scores (0.408), then best seller 4 (1 and 3 owned) -> [2, 4].
        // @1: [3] and [2] hit once each -> 1, (1 + 1)/2 = 1, (1/1 + 1/2)/2 = 0.75.
        // @2: [3,4] hits 1, [2,4] hits 2 -> 1, (1/2 + 2/2)/2 = 0.75, (1/1 + 2/2)/2 = 1.
        ShouldMatch(report.For(OfflineEvaluator.Personalized), (1, 1, 1, 0.75), (2, 1, 0.75, 1));
    }

    [Fact]
    public void Evaluate_NoRepeatCustomers_ReportsZeroOrders()
    {
        var report = OfflineEvaluator.Evaluate(
            HoldoutSplit.Create([Bought(1, 1, T1), Bought(2, 2, T1)]), Catalog, _ => [1], EvaluationOptions.Default,
            cancellationToken: TestContext.Current.CancellationToken);

        report.HeldOutOrders.ShouldBe(0);
        report.Recommenders.ShouldAllBe(r => r.Orders == 0 && r.AtK.All(m => m.HitRate == 0));
    }

    [Fact]
    public void Evaluate_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            OfflineEvaluator.Evaluate(HoldoutSplit.Create(History), Catalog, _ => [], cancellationToken: cancelled.Token));
    }

    private static void ShouldMatch(RecommenderEvaluation evaluation, params (int K, double Hit, double Precision, double Recall)[] expected)
    {
        evaluation.Orders.ShouldBe(2);
        foreach (var (k, hit, precision, recall) in expected)
        {
            var at = evaluation.At(k);
            at.HitRate.ShouldBe(hit, 1e-12, $"{evaluation.Recommender} hit rate @{k}");
            at.Precision.ShouldBe(precision, 1e-12, $"{evaluation.Recommender} precision @{k}");
            at.Recall.ShouldBe(recall, 1e-12, $"{evaluation.Recommender} recall @{k}");
        }
    }

    private sealed class HeldOutComparer : IEqualityComparer<HeldOutOrder>
    {
        public bool Equals(HeldOutOrder? x, HeldOutOrder? y) =>
            x is not null && y is not null && x.CustomerKey == y.CustomerKey && x.PlacedAt == y.PlacedAt
            && x.Items.SequenceEqual(y.Items) && x.PreviousOrderItems.SequenceEqual(y.PreviousOrderItems);

        public int GetHashCode(HeldOutOrder obj) => obj.CustomerKey;
    }
}
