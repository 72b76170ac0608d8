using MathNet.Numerics;

namespace MerchDashboard.Engine.Clv;

/// <summary>
/// The Gamma-Gamma log-likelihood (formula on <see cref="GammaGammaParameters"/>) and its analytic gradient,
/// over θ = (ln p, ln q, ln v) as mean negative log-likelihood (∂/∂θᵢ = pᵢ ∂/∂pᵢ):
/// ∂/∂p = x [ψ(px+q) − ψ(px) + ln m + ln x − ln(xm+v)];
/// ∂/∂q = ψ(px+q) − ψ(q) + ln v − ln(xm+v);
/// ∂/∂v = q/v − (px+q)/(xm+v).
/// </summary>
internal static class GammaGammaLikelihood
{
    public static double Single(GammaGammaParameters g, int x, double m) =>
        SpecialFunctions.GammaLn(g.P * x + g.Q) - SpecialFunctions.GammaLn(g.P * x) - SpecialFunctions.GammaLn(g.Q)
        + g.Q * Math.Log(g.V) + (g.P * x - 1) * Math.Log(m) + g.P * x * Math.Log(x) - (g.P * x + g.Q) * Math.Log(x * m + g.V);

    public static GammaGammaParameters FromLog(ReadOnlySpan<double> theta) =>
        new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]));

    /// <summary>Rows hold x and the monetary value m (in <see cref="WeightedRows.First"/>); every x is at least 1.</summary>
    public static double NegativeMean(WeightedRows rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var (p, q, v) = FromLog(theta);
        var distinct = rows.DistinctX;
        var lnGammaTerm = new double[distinct.Length];
        var psiPxq = new double[distinct.Length];
        var psiPx = new double[distinct.Length];
        double lnGammaQ = SpecialFunctions.GammaLn(q), psiQ = SpecialFunctions.DiGamma(q), lnV = Math.Log(v);
        for (var i = 0; i < distinct.Length; i++)
        {
            var px = p * distinct[i];
            lnGammaTerm[i] = SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - lnGammaQ;
            psiPxq[i] = SpecialFunctions.DiGamma(px + q);
            psiPx[i] = SpecialFunctions.DiGamma(px);
        }
        double sum = 0, gP = 0, gQ = 0, gV = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            double x = rows.X[row], m = rows.First[row], w = rows.Weight[row];
            var j = rows.XIndex[row];
            double px = p * x, lnM = Math.Log(m), lnX = Math.Log(x), lnXmV = Math.Log(x * m + v);
            sum += w * (lnGammaTerm[j] + q * lnV + (px - 1) * lnM + px * lnX - (px + q) * lnXmV);
            gP += w * x * (psiPxq[j] - psiPx[j] + lnM + lnX - lnXmV);
            gQ += w * (psiPxq[j] - psiQ + lnV - lnXmV);
            gV += w * (q / v - (px + q) / (x * m + v));
        }
        var scale = -1 / rows.TotalWeight;
        gradient[0] = scale * gP * p;
        gradient[1] = scale * gQ * q;
        gradient[2] = scale * gV * v;
        return scale * sum;
    }
}
