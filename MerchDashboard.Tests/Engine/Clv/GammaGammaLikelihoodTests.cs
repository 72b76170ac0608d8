using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class GammaGammaLikelihoodTests
{
    [Fact]
    public void Single_OneRepeat_MatchesHandIntegration()
    {
        // p = 1, q = 2, v = 1, x = 1, m = 1: the spend is Exponential(ν) with ν ~ Gamma(2, 1), so the density at 1
        // is ∫ ν e^−ν · ν e^−ν dν = ∫ ν² e^−2ν dν = 2/2³ = 1/4.
        new GammaGammaParameters(1, 2, 1).LogLikelihood(1, 1).ShouldBe(Math.Log(0.25), 1e-12);
    }

    [Fact]
    public void ExpectedAverageValue_BlendsPopulationMeanAndOwnMean()
    {
        // p = 6, q = 4, v = 15: population mean = 6·15/3 = 30. x = 2, m = 50: 6(15 + 100)/(12 + 3) = 690/15 = 46.
        var g = new GammaGammaParameters(6, 4, 15);
        g.PopulationMeanSpend.ShouldBe(30, 1e-12);
        g.ExpectedAverageValue(0, 0).ShouldBe(30, 1e-12);
        g.ExpectedAverageValue(2, 50).ShouldBe(46, 1e-12);
    }

    [Fact]
    public void NegativeMean_Gradient_AgreesWithCentralDifferences()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.8, 4, 0.5, 3), new GammaGammaParameters(6, 4, 15), 800, 20, 60, 9)
            .Select(ClvSimulator.ToRfm).Where(c => c.Frequency > 0).ToArray();
        var rows = WeightedRows.From(customers.Select(c => (c.Frequency, c.MonetaryValue, 0.0)));
        var random = new Random(17);
        for (var trial = 0; trial < 20; trial++)
        {
            double[] theta = [.. Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 3 - 0.5)];
            var gradient = new double[3];
            var value = GammaGammaLikelihood.NegativeMean(rows, theta, gradient);

            value.ShouldBe(-customers.Average(c => GammaGammaLikelihood.FromLog(theta).LogLikelihood(c.Frequency, c.MonetaryValue)), 1e-9);
            for (var i = 0; i < 3; i++)
            {
                gradient[i].ShouldBe(BgNbdLikelihoodTests.CentralDifference(t => GammaGammaLikelihood.NegativeMean(rows, t, new double[3]), theta, i), 1e-6);
            }
        }
    }
}
