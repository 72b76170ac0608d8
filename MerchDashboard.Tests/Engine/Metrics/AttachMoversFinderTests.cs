using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class AttachMoversFinderTests
{
    [Fact]
    public void Find_TwoPeriods_RanksByChangeAndSkipsSmallProducts()
    {
        AttachCount[] before = [new(1, 100, 20), new(2, 100, 50), new(3, 100, 30), new(4, 10, 1), new(5, 100, 10)];
        AttachCount[] after = [new(1, 100, 40), new(2, 100, 30), new(3, 200, 60), new(4, 100, 90), new(6, 100, 99)];

        var movers = AttachMoversFinder.Find(before, after, minOrders: 30, top: 5);

        // 1: 0.2 → 0.4 (+0.2); 2: 0.5 → 0.3 (−0.2); 3: 0.3 → 0.3 (0, neither); 4: too few baseline orders; 5, 6: one side only
        movers.Gainers.Select(m => m.ProductId).ShouldBe([1]);
        movers.Gainers[0].Change.ShouldBe(0.2, 1e-12);
        movers.Losers.Select(m => m.ProductId).ShouldBe([2]);
        movers.Losers[0].Change.ShouldBe(-0.2, 1e-12);
    }

    [Fact]
    public void Find_ManyProducts_KeepsTopByMagnitudeInOrder()
    {
        var before = Enumerable.Range(1, 20).Select(p => new AttachCount(p, 100, 50)).ToArray();
        var after = Enumerable.Range(1, 20).Select(p => new AttachCount(p, 100, 40 + p)).ToArray();

        var movers = AttachMoversFinder.Find(before, after, top: 3);

        movers.Gainers.Select(m => m.ProductId).ShouldBe([20, 19, 18]);
        movers.Losers.Select(m => m.ProductId).ShouldBe([1, 2, 3]);
    }
}
