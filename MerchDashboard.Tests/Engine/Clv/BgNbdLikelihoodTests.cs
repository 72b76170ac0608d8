using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class BgNbdLikelihoodTests
{
    [Fact]
    public void Single_TinyRepeatCase_MatchesHandComputation()
    {
        // r = α = a = b = 1, x = 1, tₓ = 1, T = 2:
        // A1 = lnΓ(2) − lnΓ(1) + 1·ln 1 = 0; A2 = lnΓ(2) + lnΓ(2) − lnΓ(1) − lnΓ(3) = −ln 2;
        // A3 = −2 ln 3; A4 = ln 1 − ln 1 − 2 ln 2 → ln L = −ln 2 + ln(1/9 + 1/4) = ln(13/72).
        new BgNbdParameters(1, 1, 1, 1).LogLikelihood(1, 1, 2).ShouldBe(Math.Log(13.0 / 72), 1e-12);
    }

    [Fact]
    public void Single_NoRepeatCase_MatchesHandComputation()
    {
        // r = 2, α = 3, a = b = 1, x = 0, T = 4: A1 = 2 ln 3, A2 = 0, A3 = −2 ln 7 → ln L = ln(9/49).
        new BgNbdParameters(2, 3, 1, 1).LogLikelihood(0, 0, 4).ShouldBe(Math.Log(9.0 / 49), 1e-12);
    }

    [Fact]
    public void NegativeMean_OverWeightedRows_EqualsMeanOfSingles()
    {
        var customers = SampleCustomers(300, 11);
        var rows = WeightedRows.From(customers.Select(c => (c.Frequency, c.Recency, c.T)));
        var p = new BgNbdParameters(0.3, 5, 0.9, 2.2);
        double[] theta = [Math.Log(p.R), Math.Log(p.Alpha), Math.Log(p.A), Math.Log(p.B)];

        var value = BgNbdLikelihood.NegativeMean(rows, theta, new double[4]);

        value.ShouldBe(-customers.Average(c => p.LogLikelihood(c.Frequency, c.Recency, c.T)), 1e-10);
    }

    [Fact]
    public void NegativeMean_Gradient_AgreesWithCentralDifferences()
    {
        var rows = WeightedRows.From(SampleCustomers(500, 5).Select(c => (c.Frequency, c.Recency, c.T)));
        var random = new Random(42);
        for (var trial = 0; trial < 20; trial++)
        {
            double[] theta = [.. Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 4 - 2)];
            var gradient = new double[4];
            BgNbdLikelihood.NegativeMean(rows, theta, gradient);
            for (var i = 0; i < 4; i++)
            {
                gradient[i].ShouldBe(CentralDifference(t => BgNbdLikelihood.NegativeMean(rows, t, new double[4]), theta, i), 1e-6);
            }
        }
    }

    internal static double CentralDifference(Func<double[], double> f, double[] at, int i)
    {
        const double h = 1e-5;
        double[] up = [.. at], down = [.. at];
        up[i] += h;
        down[i] -= h;
        return (f(up) - f(down)) / (2 * h);
    }

    private static CustomerRfm[] SampleCustomers(int n, int seed) =>
        [.. ClvSimulator.Simulate(new BgNbdParameters(0.4, 4, 0.8, 2.4), new GammaGammaParameters(6, 4, 15), n, 5, 40, seed)
            .Select(ClvSimulator.ToRfm)];
}
