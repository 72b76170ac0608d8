using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Experiments;

public sealed class SampleSizeTests
{
    [Fact]
    public void ForMean_KnownBaseline_MatchesHandComputedSize()
    {
        // 2 (1.959964 + 0.841621)² × 400 / (0.1 × 50)² = 251.16 → 252 orders per arm.
        SampleSize.ForMean(new MeanSample(100, 50, 400), 0.1).ShouldBe(252);
    }

    [Fact]
    public void ForProportion_KnownRate_MatchesHandComputedSize()
    {
        // p = 0.2, p' = 0.25: 7.848880 × (0.16 + 0.1875) / 0.05² = 1090.99 → 1091 per arm.
        SampleSize.ForProportion(0.2, 0.25).ShouldBe(1091);
    }

    [Fact]
    public void ForMean_HalfTheEffect_FourTimesTheSample()
    {
        var baseline = new MeanSample(5_000, 80, 2_500);
        var large = SampleSize.ForMean(baseline, 0.10)!.Value;
        var small = SampleSize.ForMean(baseline, 0.05)!.Value;

        ((double)small / large).ShouldBe(4, 0.01);
    }

    [Theory]
    [InlineData(1, 10.0, 4.0, 0.05)]
    [InlineData(10, 10.0, 0.0, 0.05)]
    [InlineData(10, 0.0, 4.0, 0.05)]
    [InlineData(10, 10.0, 4.0, 0.0)]
    public void ForMean_NoUsableBaseline_Null(long n, double mean, double variance, double effect) =>
        SampleSize.ForMean(new MeanSample(n, mean, variance), effect).ShouldBeNull();

    [Theory]
    [InlineData(0.0, 0.1)]
    [InlineData(1.0, 0.1)]
    [InlineData(0.6, 1.0)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(0.2, double.NaN)]
    public void ForProportion_RateCannotChangeSo_Null(double rate, double effect) => SampleSize.ForProportion(rate, effect).ShouldBeNull();
}
