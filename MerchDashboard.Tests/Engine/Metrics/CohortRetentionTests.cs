using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class CohortRetentionTests
{
    [Fact]
    public void Compute_HandMadeOrders_MatchesHandMatrix()
    {
        var cohorts = CohortRetention.Compute(HandMadeOrders.Orders, HandMadeOrders.DataEnd);

        // January cohort: customers 10 (Jan, Mar), 11 (Jan, Feb), 12 (Jan, Apr) → k = 0..3 (Jan..Apr): 3/3, 1/3, 1/3, 1/3.
        // February cohort: customer 13 (Feb only) → k = 0..2: 1, 0, 0. Order 5 has no customer.
        cohorts.Count.ShouldBe(2);
        cohorts[0].Month.ShouldBe(new DateOnly(2024, 1, 1));
        cohorts[0].Customers.ShouldBe(3);
        cohorts[0].Retention.ShouldBe([1, 1 / 3.0, 1 / 3.0, 1 / 3.0], 1e-12);
        cohorts[1].Month.ShouldBe(new DateOnly(2024, 2, 1));
        cohorts[1].Retention.ShouldBe([1, 0, 0], 1e-12);
    }

    [Fact]
    public void Compute_DataEndBeforeLaterOrders_IgnoresThem()
    {
        // End Apr 1: customer 12's April order is dropped, so the January cohort's k = 3 column disappears.
        var cohorts = CohortRetention.Compute(HandMadeOrders.Orders, HandMadeOrders.At(4, 1).Date);

        cohorts[0].Retention.ShouldBe([1, 1 / 3.0, 1 / 3.0], 1e-12);
    }
}
