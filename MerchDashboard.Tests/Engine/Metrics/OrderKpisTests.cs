using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class OrderKpisTests
{
    [Fact]
    public void Of_HandMadeOrders_MatchesHandComputation()
    {
        var kpis = OrderKpis.Of(HandMadeOrders.Orders);

        kpis.Orders.ShouldBe(9);
        // 100 + 50 + 120 + 80 + 40 + 60 + 90 + 70 + 30 = 640
        kpis.Revenue.ShouldBe(640m);
        // 640 / 9 = 71.111…
        ((double)kpis.AverageOrderValue).ShouldBe(71.1111111, 1e-6);
        // units 2 + 1 + 3 + 2 + 1 + 2 + 3 + 1 + 1 = 16 → 16 / 9
        kpis.UnitsPerOrder.ShouldBe(16.0 / 9, 1e-12);
        // cross-sell 20 + 30 + 10 = 60 → 60 / 640 = 0.09375
        kpis.CrossSellShare.ShouldBe(0.09375, 1e-12);
    }

    [Fact]
    public void Of_NoOrders_GivesZeroRatios()
    {
        var kpis = OrderKpis.Of([]);

        kpis.AverageOrderValue.ShouldBe(0m);
        kpis.UnitsPerOrder.ShouldBe(0);
        kpis.CrossSellShare.ShouldBe(0);
    }
}
