using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Metrics;

public class ConfidenceIntervalsTests
{
    [Fact]
    public void Wilson_NewcombeExample_MatchesPublishedLimits()
    {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion": 81/263 → 0.2553 to 0.3662.
        var (low, high) = ConfidenceIntervals.Wilson(new ProportionSample(81, 263));

        low.ShouldBe(0.2553, 5e-5);
        high.ShouldBe(0.3662, 5e-5);
    }

    [Fact]
    public void NewcombeDifference_56of70Versus48of80_MatchesHandComputation()
    {
        // Wilson limits: 56/70 → (0.69200, 0.87164), 48/80 → (0.49045, 0.70106); d = 0.8 − 0.6 = 0.2;
        // low = 0.2 − √(0.10800² + 0.10106²) = 0.05243; high = 0.2 + √(0.07164² + 0.10955²) = 0.33387.
        var (low, high) = ConfidenceIntervals.NewcombeDifference(new ProportionSample(56, 70), new ProportionSample(48, 80));

        low.ShouldBe(0.05243, 5e-5);
        high.ShouldBe(0.33387, 5e-5);
    }

    [Fact]
    public void Mean_ElevenValues_UsesStudentTWithTenDegrees()
    {
        // 1..11: mean 6, variance 110/10 = 11, s/√n = 1; t(0.975, 10) = 2.228139 (tables) → 6 ± 2.228139
        var sample = MeanSample.Of(Enumerable.Range(1, 11).Select(i => (double)i));

        sample.ShouldBe(new MeanSample(11, 6, 11));
        var (low, high) = ConfidenceIntervals.Mean(sample);
        low.ShouldBe(6 - 2.228139, 1e-6);
        high.ShouldBe(6 + 2.228139, 1e-6);
    }

    [Fact]
    public void WelchDifference_EqualVariances_UsesSatterthwaiteDegrees()
    {
        // 1..11 vs 0..10: difference 1; v₁ = v₂ = 11/11 = 1 → ν = (1 + 1)² / (1/10 + 1/10) = 20; t(0.975, 20) = 2.085963
        // → 1 ± 2.085963 · √2 = 1 ± 2.949999
        var arm = MeanSample.Of(Enumerable.Range(1, 11).Select(i => (double)i));
        var control = MeanSample.Of(Enumerable.Range(0, 11).Select(i => (double)i));

        var (low, high) = ConfidenceIntervals.WelchDifference(arm, control);

        low.ShouldBe(1 - 2.949999, 1e-5);
        high.ShouldBe(1 + 2.949999, 1e-5);
    }

    [Fact]
    public void Intervals_TooSmallSamples_AreUndefined()
    {
        ConfidenceIntervals.Mean(new MeanSample(1, 5, double.NaN)).IsDefined.ShouldBeFalse();
        ConfidenceIntervals.Wilson(new ProportionSample(0, 0)).IsDefined.ShouldBeFalse();
        ConfidenceIntervals.NewcombeDifference(new ProportionSample(1, 2), new ProportionSample(0, 0)).ExcludesZero.ShouldBeFalse();
    }

    [Fact]
    public void Wilson_RandomSamples_ContainTheEstimateWithinUnitInterval()
    {
        var random = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var trials = random.Next(1, 5000);
            var sample = new ProportionSample(random.Next(0, trials + 1), trials);
            var (low, high) = ConfidenceIntervals.Wilson(sample);

            low.ShouldBeInRange(0, sample.Rate + 1e-12);
            high.ShouldBeInRange(sample.Rate - 1e-12, 1);
        }
    }
}
