using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class BgNbdParametersTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void ProbabilityAlive_HandCase_MatchesFormula()
    {
        // r = α = a = b = 1, x = 1, tₓ = 1, T = 2: odds = a/(b+x−1)·((α+T)/(α+tₓ))^(r+x) = 1·(3/2)² = 2.25 → 1/3.25.
        new BgNbdParameters(1, 1, 1, 1).ProbabilityAlive(1, 1, 2).ShouldBe(1 / 3.25, 1e-12);
        Cdnow.ProbabilityAlive(0, 0, 30).ShouldBe(1);
    }

    [Theory]
    [InlineData(0, 0.0, 38.86)]
    [InlineData(2, 30.43, 38.86)]
    [InlineData(7, 35.0, 38.0)]
    [InlineData(3, 5.0, 50.0)]
    public void ExpectedPurchases_EulerTransformedSeries_MatchesPaperFormula(int x, double tx, double t)
    {
        const double horizon = 39;
        var (r, alpha, a, b) = Cdnow;
        var z = horizon / (alpha + t + horizon);
        var bracket = 1 - Math.Pow((alpha + t) / (alpha + t + horizon), r + x) * Hypergeometric.F21(r + x, b + x, a + b + x - 1, z);
        var denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + t) / (alpha + tx), r + x) : 0);
        var paper = (a + b + x - 1) / (a - 1) * bracket / denominator;

        Cdnow.ExpectedPurchases(horizon, x, tx, t).ShouldBe(paper, 1e-10);
    }

    [Fact]
    public void ExpectedPurchases_PaperExampleCustomer_Is1Point226()
    {
        // Fader, Hardie & Lee (2005), section 5: a CDNOW customer with x = 2, tₓ = 30.43, T = 38.86 is expected
        // to make 1.226 purchases in the next 39 weeks.
        Cdnow.ExpectedPurchases(39, 2, 30.43, 38.86).ShouldBe(1.226, 0.001);
    }

    [Fact]
    public void ExpectedPurchasesForNewCustomer_AgreesWithSimulatedMeanFrequency()
    {
        var p = new BgNbdParameters(0.6, 5, 0.8, 2.5);
        var simulated = ClvSimulator.Simulate(p, new GammaGammaParameters(6, 4, 15), 100_000, 30, 30, 123)
            .Average(c => c.Times.Length - 1.0);

        p.ExpectedPurchasesForNewCustomer(30).ShouldBe(simulated, 0.03);
    }

    [Fact]
    public void ExpectedPurchases_HeavyBuyerOverLongHorizon_StaysFinite()
    {
        var value = Cdnow.ExpectedPurchases(3650, 400, 700, 700);

        double.IsFinite(value).ShouldBeTrue();
        value.ShouldBeGreaterThan(0);
    }
}
