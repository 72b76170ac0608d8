using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class RepeatWithinDaysTests
{
    [Fact]
    public void PerArm_HandMadeOrders_MatchesHandComputation()
    {
        var rates = RepeatWithinDays.PerArm(HandMadeOrders.Orders, HandMadeOrders.DataEnd);

        // Eligible: first order ≤ May 1 − 90 days = Feb 1. 10 (Control, Jan 1, again Jan 3 ✓);
        // 11 (CrossSell, Jan 5, again Feb 10 = 36 days ✓); 12 (CrossSell, Jan 8, again Apr 20 = 103 days ✗);
        // 13 (Personalization, first Feb 20) is not eligible.
        rates[Arm.Control].ShouldBe(new ProportionSample(1, 1));
        rates[Arm.CrossSell].ShouldBe(new ProportionSample(1, 2));
        rates[Arm.Personalization].ShouldBe(new ProportionSample(0, 0));
        rates[Arm.Both].Trials.ShouldBe(0);
    }

    [Fact]
    public void PerArm_BoundaryDays_AreInclusive()
    {
        var end = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var first = end.AddDays(-90);
        OrderSummary[] orders =
        [
            new(1, 1, first, Arm.Both, 10, 1, 0),
            new(2, 1, first.AddDays(90), Arm.Both, 10, 1, 0),
            new(3, 2, first, Arm.Both, 10, 1, 0),
            new(4, 2, first.AddDays(90).AddSeconds(1), Arm.Both, 10, 1, 0),
            new(5, 3, first.AddSeconds(1), Arm.Both, 10, 1, 0),
        ];

        var rates = RepeatWithinDays.PerArm(orders, end.AddDays(1));

        // customer 1 repeats on day 90 exactly; customer 2 one second late; customer 3 first at +1 s is still eligible
        rates[Arm.Both].ShouldBe(new ProportionSample(1, 3));
    }
}
