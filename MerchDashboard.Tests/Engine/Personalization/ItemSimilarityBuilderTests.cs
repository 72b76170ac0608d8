using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class ItemSimilarityBuilderTests
{
    // n_A = 3 (customers 1, 2, 3), n_B = 3 (1, 2, 4), n_C = 2 (2, 3), n_D = 1 (5).
    // co(A,B) = 2 -> 2 / sqrt(3·3) = 0.666667; co(A,C) = 2 -> 2 / sqrt(3·2) = 0.816497;
    // co(B,C) = 1 -> 1 / sqrt(3·2) = 0.408248; D shares no customer.
    private const double SimAB = 2 / 3.0;
    private const double SimAC = 0.816496580927726;
    private const double SimBC = 0.408248290463863;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Build_NoPurchases_EmptyModel()
    {
        var model = ItemSimilarityBuilder.Build([], cancellationToken: Ct);

        model.NeighboursOf(1).IsEmpty.ShouldBeTrue();
        model.CustomerCount(1).ShouldBe(0);
    }

    [Fact]
    public void Build_TinyHistory_MatchesHandComputedCosines()
    {
        var model = ItemSimilarityBuilder.Build(TinyHistory, cancellationToken: Ct);

        model.NeighboursOf(1).ToArray().ShouldBe([new(3, SimAC, 2), new(2, SimAB, 2)], new NeighbourComparer());
        model.NeighboursOf(2).ToArray().ShouldBe([new(1, SimAB, 2), new(3, SimBC, 1)], new NeighbourComparer());
        model.NeighboursOf(3).ToArray().ShouldBe([new(1, SimAC, 2), new(2, SimBC, 1)], new NeighbourComparer());
        model.NeighboursOf(4).IsEmpty.ShouldBeTrue();
        model.CustomerCount(1).ShouldBe(3);
        model.CustomerCount(4).ShouldBe(1);
        model.Similarity(3, 2).ShouldBe(SimBC, 1e-12);
        model.Similarity(1, 4).ShouldBe(0);
    }

    [Fact]
    public void Build_WithShrinkage_MultipliesByCoOverCoPlusLambda()
    {
        var model = ItemSimilarityBuilder.Build(TinyHistory, new ItemSimilarityOptions(Shrinkage: 2), cancellationToken: Ct);

        // A,B: 0.666667 · 2 / (2 + 2) = 0.333333; B,C: 0.408248 · 1 / (1 + 2) = 0.136083.
        model.Similarity(1, 2).ShouldBe(SimAB * 0.5, 1e-12);
        model.Similarity(2, 3).ShouldBe(SimBC / 3, 1e-12);
    }

    [Fact]
    public void Build_OneNeighbourPerItem_KeepsTheBestAndLooksUpEitherList()
    {
        var model = ItemSimilarityBuilder.Build(TinyHistory, new ItemSimilarityOptions(NeighboursPerItem: 1), cancellationToken: Ct);

        model.NeighboursOf(1).ToArray().Select(n => n.ProductId).ShouldBe([3]);
        model.NeighboursOf(2).ToArray().Select(n => n.ProductId).ShouldBe([1]);
        model.Similarity(1, 2).ShouldBe(SimAB, 1e-12);
    }

    [Fact]
    public void Build_RandomHistories_NeighboursAreSortedSymmetricAndEqualBruteForceCosine()
    {
        var random = new Random(20260601);
        for (var round = 0; round < 25; round++)
        {
            var history = RandomHistory(random, customers: 40, products: 15);
            var m = random.Next(1, 6);
            var model = ItemSimilarityBuilder.Build(history, new ItemSimilarityOptions(NeighboursPerItem: m), cancellationToken: Ct);
            var customersOf = history.GroupBy(p => p.ProductId)
                .ToDictionary(g => g.Key, g => g.Select(p => p.CustomerKey).ToHashSet());

            foreach (var (a, customersOfA) in customersOf)
            {
                var expected = customersOf
                    .Where(kv => kv.Key != a && kv.Value.Overlaps(customersOfA))
                    .Select(kv => (Id: kv.Key, Sim: kv.Value.Intersect(customersOfA).Count() / Math.Sqrt(kv.Value.Count * customersOfA.Count)))
                    .OrderByDescending(x => x.Sim).ThenBy(x => x.Id)
                    .Take(m)
                    .ToArray();
                var actual = model.NeighboursOf(a).ToArray();

                actual.Select(n => n.ProductId).ShouldBe(expected.Select(x => x.Id), $"round {round}, product {a}");
                actual.Select(n => n.Similarity).ShouldBe(expected.Select(x => x.Sim), tolerance: 1e-12);
                foreach (var n in actual)
                {
                    var back = model.NeighboursOf(n.ProductId).ToArray().Where(x => x.ProductId == a).ToArray();
                    if (back.Length == 1)
                    {
                        back[0].Similarity.ShouldBe(n.Similarity);
                        back[0].CoCustomers.ShouldBe(n.CoCustomers);
                    }
                }
            }
        }
    }

    [Fact]
    public void Build_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            ItemSimilarityBuilder.Build(TinyHistory, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Build_WithProgress_ReportsCompletion()
    {
        var reports = new List<double>();
        ItemSimilarityBuilder.Build(TinyHistory, progress: new SynchronousProgress(reports), cancellationToken: Ct);

        reports.ShouldNotBeEmpty();
        reports.Max().ShouldBe(1);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    private sealed class NeighbourComparer : IEqualityComparer<ItemNeighbour>
    {
        public bool Equals(ItemNeighbour x, ItemNeighbour y) =>
            x.ProductId == y.ProductId && x.CoCustomers == y.CoCustomers && Math.Abs(x.Similarity - y.Similarity) < 1e-12;

        public int GetHashCode(ItemNeighbour obj) => obj.ProductId;
    }
}
