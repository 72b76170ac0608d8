using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class VerdictWriterTests
{
    [Fact]
    public void Describe_MeanKpi_SaysWhoLeadsAndWhetherItIsSignificant()
    {
        var comparison = ExperimentComparison.Means(Kpi.AverageOrderValue, new Dictionary<Arm, MeanSample>
        {
            [Arm.Control] = new(10_000, 128.40, 400),
            [Arm.CrossSell] = new(10_000, 142.10, 400),
            [Arm.Personalization] = new(10_000, 120.00, 400),
            [Arm.Both] = new(10_000, 128.50, 400),
        });

        // 142.10 / 128.40 − 1 = +10.7%; 120 / 128.40 − 1 = −6.5%; 128.50 / 128.40 − 1 = +0.1%, and its interval
        // 0.10 ± 1.96·√(400/10⁴ + 400/10⁴) = 0.10 ± 0.5544 spans 0
        VerdictWriter.Describe(comparison).ShouldBe(
        [
            "Cross-sell leads on average order value: $142.10 vs $128.40 for control (+10.7%, significant at 95%).",
            "Personalization trails on average order value: $120.00 vs $128.40 for control (-6.5%, significant at 95%).",
            "Cross-sell + personalization shows no significant difference on average order value: $128.50 vs $128.40 for control (+0.1%; 95% CI of the difference -$0.45 to +$0.65).",
        ]);
    }

    [Fact]
    public void Describe_ProportionKpi_SpeaksInPoints()
    {
        var comparison = ExperimentComparison.Proportions(Kpi.RepeatRate90Days, new Dictionary<Arm, ProportionSample>
        {
            [Arm.Control] = new(240, 1000),
            [Arm.Personalization] = new(310, 1000),
            [Arm.Both] = new(250, 1000),
            [Arm.CrossSell] = new(0, 0),
        });

        VerdictWriter.Describe(comparison).ShouldBe(
        [
            "Cross-sell: not enough data to compare 90-day repeat rate with control.",
            "Personalization's 90-day repeat rate is 31% vs 24% for control (+7 pts, significant at 95%).",
            "Cross-sell + personalization's 90-day repeat rate is 25% vs 24% for control (+1 pt, no significant difference).",
        ]);
    }
}
