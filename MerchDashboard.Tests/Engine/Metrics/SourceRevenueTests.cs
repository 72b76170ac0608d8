using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class SourceRevenueTests
{
    [Fact]
    public void Weekly_HandMadeOrders_SplitsEachWeekBySource()
    {
        var weeks = SourceRevenue.Weekly(WithoutExperimentOrders.Orders);

        weeks.Select(w => (w.WeekStart, w.Organic, w.CrossSell, w.Personalized)).ShouldBe(
        [
            (new DateOnly(2024, 1, 1), 150m, 20m, 10m),
            (new DateOnly(2024, 1, 8), 150m, 60m, 30m),
        ]);
        weeks.Sum(w => w.Total).ShouldBe(WithoutExperimentOrders.Orders.Sum(o => o.Revenue));
    }

    [Fact]
    public void Weekly_NoOrders_HasNoWeeks() => SourceRevenue.Weekly([]).ShouldBeEmpty();
}
