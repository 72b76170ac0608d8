using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class WeeklyTrendsTests
{
    [Fact]
    public void Compute_HandMadeOrders_GroupsByIsoWeek()
    {
        var weeks = WeeklyTrends.Compute(HandMadeOrders.Orders, HandMadeOrders.Lists);

        // Mon Jan 1 (W1: orders 1–3), Jan 8 (W2: 4–5), Feb 5 (W6: order 6, Sat Feb 10), Feb 19 (W8: order 8),
        // Mar 11 (W11: order 7, Fri Mar 15), Apr 15 (W16: order 9, Sat Apr 20)
        weeks.Select(w => (w.WeekStart, w.IsoWeek)).ShouldBe(
        [
            (new DateOnly(2024, 1, 1), 1), (new DateOnly(2024, 1, 8), 2), (new DateOnly(2024, 2, 5), 6),
            (new DateOnly(2024, 2, 19), 8), (new DateOnly(2024, 3, 11), 11), (new DateOnly(2024, 4, 15), 16),
        ]);
        var first = weeks[0];
        // W1: revenue 100 + 50 + 120 = 270 over 3 orders = 90; units 2 + 1 + 3 = 6 → 2; cross-sell 20 / 270
        first.AverageOrderValue.ShouldBe(90m);
        first.UnitsPerOrder.ShouldBe(2);
        first.CrossSellShare.ShouldBe(20.0 / 270, 1e-12);
        // W1 anchors: order 1 has 1 (with 2 ✓) and 2 (with 1 ✓); order 3 has 1 (with 3 ✓) → 3/3
        first.AttachRate.ShouldBe(1);
        // W2: revenue 80 + 40 = 120 → 60; units 3 → 1.5; cross-sell 30/120; anchor 4 twice, attached once → 1/2
        weeks[1].AverageOrderValue.ShouldBe(60m);
        weeks[1].UnitsPerOrder.ShouldBe(1.5);
        weeks[1].CrossSellShare.ShouldBe(0.25);
        weeks[1].AttachRate.ShouldBe(0.5);
        weeks[3].Attach.Orders.ShouldBe(0, "order 8 holds no anchor");
        weeks.All(w => w.IsoYear == 2024).ShouldBeTrue();
    }

    [Theory]
    [InlineData(2024, 12, 30, 2024, 12, 30)]
    [InlineData(2025, 1, 5, 2024, 12, 30)]
    [InlineData(2025, 1, 6, 2025, 1, 6)]
    public void WeekStart_AnyDay_IsThatWeeksMonday(int y, int m, int d, int wy, int wm, int wd)
    {
        WeeklyTrends.WeekStart(new DateTime(y, m, d, 23, 59, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(wy, wm, wd));
    }
}
