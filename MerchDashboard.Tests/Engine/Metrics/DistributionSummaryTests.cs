using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class DistributionSummaryTests
{
    [Fact]
    public void Of_HistoricalValues_MatchesHandComputation()
    {
        var summary = DistributionSummary.Of([150, 180, 80, 70], bins: 2, probabilities: [0.25, 0.5, 0.9]);

        // sorted 70, 80, 150, 180; mean 480/4 = 120; bins of width (180 − 70)/2 = 55: [70, 125) → 2, [125, 180] → 2
        summary.Mean.ShouldBe(120);
        summary.Bins.ShouldBe([new HistogramBin(70, 125, 2), new HistogramBin(125, 180, 2)]);
        // positions (n − 1)p: 0.75 → 70 + 0.75·10 = 77.5; 1.5 → 80 + 0.5·70 = 115; 2.7 → 150 + 0.7·30 = 171
        summary.Quantiles.Select(q => q.Value).ShouldBe([77.5, 115, 171], 1e-9);
    }

    [Fact]
    public void Of_RandomValues_BinsHoldEveryValueAndQuantilesAreOrdered()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 300)).Select(_ => Math.Round(random.NextDouble() * 500, random.Next(0, 3))).ToArray();

            var summary = DistributionSummary.Of(values, bins: random.Next(1, 30));

            summary.Bins.Sum(b => b.Count).ShouldBe(values.Length);
            summary.Quantiles.Select(q => q.Value).ShouldBeInOrder();
            summary.Quantiles.ShouldAllBe(q => q.Value >= values.Min() && q.Value <= values.Max());
        }
    }
}
