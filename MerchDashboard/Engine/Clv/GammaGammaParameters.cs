namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves"): each
/// transaction's amount is Gamma(shape p, rate ν) around the customer's own mean p/ν, with ν ~ Gamma(shape q,
/// rate v) across customers. For a customer with x repeat transactions of mean amount m:
/// <list type="bullet">
/// <item>ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm+v)
/// (the density of the mean m, as in lifetimes' GammaGammaFitter).</item>
/// <item>E[M | x, m] = p(v + xm) / (px + q − 1), a weighted mean of the population mean pv/(q−1) and m;
/// for x = 0 it is the population mean.</item>
/// </list>
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double V)
{
    public double PopulationMeanSpend => P * V / (Q - 1);

    public double LogLikelihood(int x, double m) => GammaGammaLikelihood.Single(this, x, m);

    public double ExpectedAverageValue(int x, double m) =>
        x == 0 ? PopulationMeanSpend : P * (V + x * m) / (P * x + Q - 1);
}
