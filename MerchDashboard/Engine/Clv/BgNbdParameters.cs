namespace MerchDashboard.Engine.Clv;

/// <summary>
/// BG/NBD (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while alive a customer buys
/// at rate λ ~ Gamma(shape r, rate α); after each repeat purchase they drop out with probability p ~ Beta(a, b).
/// For a customer with x repeat purchases, the last at tₓ, observed for T periods:
/// <list type="bullet">
/// <item>ln L = A₁ + A₂ + ln(e^A₃ + [x &gt; 0] e^A₄) with A₁ = lnΓ(r+x) − lnΓ(r) + r ln α,
/// A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x), A₃ = −(r+x) ln(α+T),
/// A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ).</item>
/// <item>P(alive) = 1 / (1 + [x &gt; 0] a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)).</item>
/// <item>E[X(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)] · P(alive),
/// z = t/(α+T+t). Euler's transformation 2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) turns the bracket
/// into 1 − (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z), whose terms do not grow with x (no overflow for heavy buyers).</item>
/// <item>E[X(t)] for a new customer is the same with x = tₓ = T = 0.</item>
/// </list>
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    public double LogLikelihood(int x, double tx, double t) =>
        BgNbdLikelihood.Single(this, x, tx, t);

    public double ProbabilityAlive(int x, double tx, double t) =>
        x == 0 ? 1 : 1 / (1 + Math.Exp(LogDeathOdds(x, tx, t)));

    public double ExpectedPurchases(double horizon, int x, double tx, double t)
    {
        if (horizon <= 0)
        {
            return 0;
        }
        var z = horizon / (Alpha + t + horizon);
        var bracket = 1 - Math.Exp((A - 1) * Math.Log(Alpha + t) - (A - 1) * Math.Log(Alpha + t + horizon))
            * Hypergeometric.F21(A + B - 1 - R, A - 1, A + B + x - 1, z);
        return (A + B + x - 1) / (A - 1) * bracket * ProbabilityAlive(x, tx, t);
    }

    public double ExpectedPurchasesForNewCustomer(double horizon) => ExpectedPurchases(horizon, 0, 0, 0);

    /// <summary>ln of a/(b+x−1) ((α+T)/(α+tₓ))^(r+x): the odds that the customer dropped out after the last purchase.</summary>
    private double LogDeathOdds(int x, double tx, double t) =>
        Math.Log(A) - Math.Log(B + x - 1) + (R + x) * (Math.Log(Alpha + t) - Math.Log(Alpha + tx));
}
