using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Tests.Engine.Clv;

public class ClvTrustCheckTests
{
    private static readonly ClvPeriod Weeks = new(PeriodUnit.Week);

    /// <summary>
    /// Ten customers: four one-time buyers (two silent 40 weeks), three repeat buyers silent 30 weeks or more
    /// (x = 5 last bought at week 10 of 40), three recent repeat buyers. Inactive for six months (26 weeks): 5 of 10.
    /// Inactive repeat buyers: 3 of 6.
    /// </summary>
    private static readonly CustomerRfm[] Customers =
    [
        new(1, 0, 0, 40, 0), new(2, 0, 0, 40, 0), new(3, 0, 0, 10, 0), new(4, 0, 0, 5, 0),
        new(5, 5, 10, 40, 20), new(6, 5, 10, 40, 20), new(7, 5, 10, 40, 20),
        new(8, 3, 38, 40, 20), new(9, 2, 20, 22, 20), new(10, 4, 39, 40, 20),
    ];

    [Fact]
    public void Of_DropOutRateAtItsBound_IsDegenerateAndNamesIt()
    {
        var stuck = new BgNbdParameters(0.5, 6, Math.Exp(-LogSpaceMinimizerBound), 2.5);

        var check = ClvTrustCheck.Of(stuck, Customers, Weeks);

        check.ParametersAtBound.ShouldBe(["a"]);
        // a ≈ 2·10⁻⁹: P(alive) = 1 / (1 + a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)) ≈ 1 for every repeat buyer
        check.InactiveRepeaterMeanProbabilityAlive.ShouldBe(1, 1e-6);
        check.InactiveShare.ShouldBe(0.5);
        check.InactiveRepeaters.ShouldBe(3);
        check.InactiveRepeaterShare.ShouldBe(0.5);
        check.IgnoresInactivity.ShouldBeTrue();
        check.Degenerate.ShouldBeTrue();
    }

    [Fact]
    public void Of_FitThatSeesCustomersLeave_IsTrusted()
    {
        // CDNOW's published weekly parameters (Fader, Hardie & Lee 2005)
        var cdnow = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        var check = ClvTrustCheck.Of(cdnow, Customers, Weeks);

        // x = 5, tₓ = 10, T = 40: 0.793/6.426 · (44.414/14.414)^5.243 ≈ 0.1234 · 365.6 ≈ 45.1, so P(alive) ≈ 1/46.1 ≈ 0.0217
        check.InactiveRepeaterMeanProbabilityAlive.ShouldBe(0.0217, 0.001);
        check.ParametersAtBound.ShouldBeEmpty();
        check.Degenerate.ShouldBeFalse();
    }

    [Fact]
    public void Of_FewInactiveRepeatBuyers_DoesNotCallTheFitBlind()
    {
        var stillBuying = Customers.Select(c => c.Frequency > 0 ? c with { Recency = c.T - 1 } : c).ToArray();
        var lenient = new BgNbdParameters(0.5, 6, 0.01, 50);

        var check = ClvTrustCheck.Of(lenient, stillBuying, Weeks);

        check.InactiveRepeaters.ShouldBe(0);
        check.IgnoresInactivity.ShouldBeFalse();
        check.Degenerate.ShouldBeFalse();
    }

    private const double LogSpaceMinimizerBound = 20;
}
