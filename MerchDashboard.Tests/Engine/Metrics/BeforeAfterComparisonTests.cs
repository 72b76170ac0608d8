using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class BeforeAfterComparisonTests
{
    private static readonly DateOnly From = WithoutExperimentOrders.From;
    private static readonly DateOnly To = WithoutExperimentOrders.To;

    [Fact]
    public void Of_ChangeOnJanuaryEighth_ComparesTheWeeksByHand()
    {
        var comparison = BeforeAfterComparison.Of(WithoutExperimentOrders.Orders, From, To, new DateOnly(2024, 1, 8))!;

        // before: Jan 1-7, O1-O3, revenue 180, AOV 60, 3/7 orders a day, 180/7 a day; cross-sell 20/180
        comparison.Before.Days.ShouldBe(7);
        comparison.Before.Kpis.Orders.ShouldBe(3);
        comparison.Before.Kpis.AverageOrderValue.ShouldBe(60m);
        comparison.Before.OrdersPerDay.ShouldBe(3 / 7.0, 1e-12);
        comparison.Before.RevenuePerDay.ShouldBe(180 / 7.0, 1e-12);
        comparison.Before.Kpis.CrossSellShare.ShouldBe(20 / 180.0, 1e-12);
        // after: Jan 8-14, O4-O6, revenue 240, AOV 80; cross-sell 60/240
        comparison.After.Kpis.AverageOrderValue.ShouldBe(80m);
        comparison.After.Kpis.CrossSellShare.ShouldBe(0.25, 1e-12);
        comparison.AverageOrderValueDifference.ShouldBe(20, 1e-12);
        // Welch: s² before = ((40)² + (−10)² + (−30)²)/2 = 1300, after = (40² + (−40)² + 0²)/2 = 1600;
        // se = √(1300/3 + 1600/3) = √966.67 = 31.09; ν = 966.67² / ((433.33²  + 533.33²)/2) = 3.96
        var interval = comparison.AverageOrderValueDifferenceInterval;
        ((interval.Low + interval.High) / 2).ShouldBe(20, 1e-9);
        var half = (interval.High - interval.Low) / 2;
        (half / Math.Sqrt(2900.0 / 3)).ShouldBe(2.78, 0.02);
        interval.ExcludesZero.ShouldBeFalse();
    }

    [Theory]
    [InlineData(2024, 1, 1)]
    [InlineData(2024, 1, 15)]
    public void Of_DateOutsideTheSelection_GivesNothing(int year, int month, int day) =>
        BeforeAfterComparison.Of(WithoutExperimentOrders.Orders, From, To, new DateOnly(year, month, day)).ShouldBeNull();

    [Fact]
    public void Of_AnyDate_EverySelectedOrderIsOnExactlyOneSide()
    {
        for (var day = 2; day <= 14; day++)
        {
            var comparison = BeforeAfterComparison.Of(WithoutExperimentOrders.Orders, From, To, new DateOnly(2024, 1, day))!;
            (comparison.Before.Kpis.Orders + comparison.After.Kpis.Orders).ShouldBe(6);
            (comparison.Before.Kpis.Revenue + comparison.After.Kpis.Revenue).ShouldBe(420m);
            (comparison.Before.Days + comparison.After.Days).ShouldBe(14);
        }
    }
}
