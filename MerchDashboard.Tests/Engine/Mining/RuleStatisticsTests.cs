using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class RuleStatisticsTests
{
    [Fact]
    public void From_HandComputedCounts_GivesTheseMeasures()
    {
        // N = 8, count(A) = 4, count(C) = 2, count(A and C) = 2.
        var s = RuleStatistics.From(2, 4, 2, 8);

        s.Support.ShouldBe(0.25);
        s.Confidence.ShouldBe(0.5);
        s.Lift.ShouldBe(2);
        s.Leverage.ShouldBe(0.25 - 0.5 * 0.25);
        s.Conviction.ShouldBe(0.75 / 0.5);
        s.ExpectedCount.ShouldBe(1);
    }
}
