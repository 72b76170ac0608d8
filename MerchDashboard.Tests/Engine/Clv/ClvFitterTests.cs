using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class ClvFitterTests
{
    private static readonly BgNbdParameters TrueBgNbd = new(R: 0.5, Alpha: 6, A: 0.7, B: 2.5);
    private static readonly GammaGammaParameters TrueGammaGamma = new(P: 6, Q: 4, V: 15);

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public void FitBgNbd_SimulatedCustomers_RecoversParameters(int seed)
    {
        var customers = ClvSimulator.Simulate(TrueBgNbd, TrueGammaGamma, 20_000, 26, 78, seed).Select(ClvSimulator.ToRfm).ToArray();

        var fit = ClvFitter.FitBgNbd(customers);

        fit.Parameters.R.ShouldBe(TrueBgNbd.R, TrueBgNbd.R * 0.15);
        fit.Parameters.Alpha.ShouldBe(TrueBgNbd.Alpha, TrueBgNbd.Alpha * 0.15);
        fit.Parameters.A.ShouldBe(TrueBgNbd.A, TrueBgNbd.A * 0.15);
        fit.Parameters.B.ShouldBe(TrueBgNbd.B, TrueBgNbd.B * 0.15);
        fit.Customers.ShouldBe(20_000);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public void FitGammaGamma_SimulatedCustomers_RecoversParameters(int seed)
    {
        var customers = ClvSimulator.Simulate(TrueBgNbd, TrueGammaGamma, 20_000, 26, 78, seed).Select(ClvSimulator.ToRfm).ToArray();

        var fit = ClvFitter.FitGammaGamma(customers);

        fit.Customers.ShouldBe(customers.Count(c => c.Frequency > 0));
        fit.Parameters.P.ShouldBe(TrueGammaGamma.P, TrueGammaGamma.P * 0.15);
        fit.Parameters.Q.ShouldBe(TrueGammaGamma.Q, TrueGammaGamma.Q * 0.15);
        fit.Parameters.V.ShouldBe(TrueGammaGamma.V, TrueGammaGamma.V * 0.15);
    }

    [Fact]
    public void FitBgNbd_Maximum_IsNotImprovedByNearbyPoints()
    {
        var customers = ClvSimulator.Simulate(TrueBgNbd, TrueGammaGamma, 2_000, 10, 52, 3).Select(ClvSimulator.ToRfm).ToArray();
        var fit = ClvFitter.FitBgNbd(customers);
        var best = customers.Sum(c => fit.Parameters.LogLikelihood(c.Frequency, c.Recency, c.T));

        fit.LogLikelihood.ShouldBe(best, 1e-6 * Math.Abs(best));
        foreach (var scale in new[] { 0.98, 1.02 })
        {
            var p = fit.Parameters;
            BgNbdParameters[] neighbours = [p with { R = p.R * scale }, p with { Alpha = p.Alpha * scale }, p with { A = p.A * scale }, p with { B = p.B * scale }];
            foreach (var n in neighbours)
            {
                customers.Sum(c => n.LogLikelihood(c.Frequency, c.Recency, c.T)).ShouldBeLessThan(best);
            }
        }
    }
}
