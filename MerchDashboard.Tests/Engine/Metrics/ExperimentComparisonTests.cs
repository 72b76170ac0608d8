using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class ExperimentComparisonTests
{
    [Fact]
    public void Compare_HandMadeOrders_EstimatesEachKpiPerArm()
    {
        (Arm, double)[] predicted = [(Arm.Control, 10), (Arm.Control, 20), (Arm.CrossSell, 40), (Arm.CrossSell, 60)];

        var kpis = ExperimentComparison.Compare(HandMadeOrders.Orders, HandMadeOrders.Lists, HandMadeOrders.DataEnd, predicted);

        var aov = kpis.Single(k => k.Kpi == Kpi.AverageOrderValue);
        // Control orders 1, 2, 5, 7: (100 + 50 + 40 + 90)/4 = 70; cross-sell 3, 4, 6, 9: (120 + 80 + 60 + 30)/4 = 72.5
        aov.For(Arm.Control)!.Value.ShouldBe(70);
        aov.For(Arm.CrossSell)!.Value.ShouldBe(72.5);
        aov.VersusControl.Single(d => d.Arm == Arm.CrossSell).Difference.ShouldBe(2.5);
        var attach = kpis.Single(k => k.Kpi == Kpi.AttachRate);
        // Control anchors: order 1 (1 ✓, 2 ✓), 5 (4 ✗), 7 (1 ✗) → 2/4; cross-sell: 3 (1 ✓), 4 (4 ✓), 6 (2 ✗) → 2/3
        attach.For(Arm.Control)!.Value.ShouldBe(0.5);
        attach.For(Arm.CrossSell)!.Value.ShouldBe(2 / 3.0, 1e-12);
        attach.For(Arm.Personalization)!.SampleSize.ShouldBe(0);
        kpis.Single(k => k.Kpi == Kpi.RepeatRate90Days).For(Arm.CrossSell)!.Value.ShouldBe(0.5);
        var value = kpis.Single(k => k.Kpi == Kpi.PredictedValue12Months);
        value.VersusControl.Single().Difference.ShouldBe(35);
    }

    [Fact]
    public void Means_ClearlyDifferentArms_FlagsOnlyTheRealDifference()
    {
        var samples = new Dictionary<Arm, MeanSample>
        {
            [Arm.Control] = new(10_000, 128.40, 400),
            [Arm.CrossSell] = new(10_000, 142.10, 400),
            [Arm.Both] = new(10_000, 128.50, 400),
        };

        var comparison = ExperimentComparison.Means(Kpi.AverageOrderValue, samples);

        var crossSell = comparison.VersusControl.Single(d => d.Arm == Arm.CrossSell);
        crossSell.Significant.ShouldBeTrue();
        crossSell.RelativeChange.ShouldBe(13.7 / 128.40, 1e-9);
        comparison.VersusControl.Single(d => d.Arm == Arm.Both).Significant.ShouldBeFalse();
    }

    [Fact]
    public void Proportions_SimulatedNullExperiments_RarelyFlagSignificance()
    {
        var random = new Random(77);
        var flagged = 0;
        for (var run = 0; run < 400; run++)
        {
            ProportionSample Draw() => new(Enumerable.Range(0, 400).Count(_ => random.NextDouble() < 0.3), 400);
            var comparison = ExperimentComparison.Proportions(Kpi.RepeatRate90Days, new Dictionary<Arm, ProportionSample> { [Arm.Control] = Draw(), [Arm.Personalization] = Draw() });
            flagged += comparison.VersusControl.Single().Significant ? 1 : 0;
        }

        // a 95% interval should wrongly flag about 5% of 400 runs (20); binomial sd ≈ 4.4
        flagged.ShouldBeInRange(6, 36);
    }
}
