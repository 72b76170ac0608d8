using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class CustomerActivityTests
{
    [Fact]
    public void Repeat_WholeWindow_MatchesHandComputation()
    {
        var summary = CustomerActivity.Repeat(HandMadeOrders.Orders, HandMadeOrders.At(1, 1).Date, HandMadeOrders.DataEnd);

        // Customers 10 (3 orders), 11 (2), 12 (2), 13 (1); order 5 has no customer → 3/4 repeat, 8/4 = 2 orders each
        summary.ShouldBe(new RepeatSummary(4, 3, 8));
        summary.RepeatRate.ShouldBe(0.75);
        summary.PurchaseFrequency.ShouldBe(2);
    }

    [Fact]
    public void Repeat_January_CountsOnlyOrdersInWindow()
    {
        var summary = CustomerActivity.Repeat(HandMadeOrders.Orders, HandMadeOrders.At(1, 1).Date, HandMadeOrders.At(2, 1).Date);

        // January: 10 (orders 1, 2), 11 (3), 12 (4) → 1/3; 4 orders / 3 customers
        summary.RepeatRate.ShouldBe(1 / 3.0, 1e-12);
        summary.PurchaseFrequency.ShouldBe(4 / 3.0, 1e-12);
    }

    [Fact]
    public void HistoricalValue_AsOfMarch_SumsEarlierRevenue()
    {
        var values = CustomerActivity.HistoricalValue(HandMadeOrders.Orders, HandMadeOrders.At(3, 1).Date);

        // 10: 100 + 50 (Mar 15 is later); 11: 120 + 60; 12: 80 (Apr 20 is later); 13: 70
        values.ShouldBe([new CustomerValue(10, 2, 150), new CustomerValue(11, 2, 180), new CustomerValue(12, 1, 80), new CustomerValue(13, 1, 70)]);
    }
}
