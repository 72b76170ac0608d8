using MathNet.Numerics;

namespace MerchDashboard.Engine.Clv;

/// <summary>
/// The BG/NBD log-likelihood (formula on <see cref="BgNbdParameters"/>) and its analytic gradient. The
/// optimizer works on θ = (ln r, ln α, ln a, ln b) and minimizes the mean negative log-likelihood, so
/// ∂/∂θᵢ = pᵢ ∂/∂pᵢ. With ψ the digamma function and w₃, w₄ the softmax weights of A₃ and A₄:
/// ∂/∂r = ψ(r+x) − ψ(r) + ln α − w₃ ln(α+T) − w₄ ln(α+tₓ);
/// ∂/∂α = r/α − w₃ (r+x)/(α+T) − w₄ (r+x)/(α+tₓ);
/// ∂/∂a = ψ(a+b) − ψ(a+b+x) + w₄/a;
/// ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w₄/(b+x−1).
/// </summary>
internal static class BgNbdLikelihood
{
    public static double Single(BgNbdParameters p, int x, double tx, double t)
    {
        var a1 = SpecialFunctions.GammaLn(p.R + x) - SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha);
        var a2 = SpecialFunctions.GammaLn(p.A + p.B) + SpecialFunctions.GammaLn(p.B + x)
            - SpecialFunctions.GammaLn(p.B) - SpecialFunctions.GammaLn(p.A + p.B + x);
        var a3 = -(p.R + x) * Math.Log(p.Alpha + t);
        if (x == 0)
        {
            return a1 + a2 + a3;
        }
        var a4 = Math.Log(p.A) - Math.Log(p.B + x - 1) - (p.R + x) * Math.Log(p.Alpha + tx);
        var max = Math.Max(a3, a4);
        return a1 + a2 + max + Math.Log(Math.Exp(a3 - max) + Math.Exp(a4 - max));
    }

    public static BgNbdParameters FromLog(ReadOnlySpan<double> theta) =>
        new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));

    /// <summary>Mean negative log-likelihood over the rows and its gradient in log-parameters.</summary>
    public static double NegativeMean(WeightedRows rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var (r, alpha, a, b) = FromLog(theta);
        var distinct = rows.DistinctX;
        var lnGammaTerm = new double[distinct.Length];
        var dR = new double[distinct.Length];
        var dA = new double[distinct.Length];
        var dB = new double[distinct.Length];
        double psiR = SpecialFunctions.DiGamma(r), psiAb = SpecialFunctions.DiGamma(a + b), psiB = SpecialFunctions.DiGamma(b);
        double lnGammaR = SpecialFunctions.GammaLn(r), lnGammaAb = SpecialFunctions.GammaLn(a + b), lnGammaB = SpecialFunctions.GammaLn(b);
        for (var i = 0; i < distinct.Length; i++)
        {
            var x = distinct[i];
            var psiAbx = SpecialFunctions.DiGamma(a + b + x);
            lnGammaTerm[i] = SpecialFunctions.GammaLn(r + x) - lnGammaR + lnGammaAb + SpecialFunctions.GammaLn(b + x)
                - lnGammaB - SpecialFunctions.GammaLn(a + b + x);
            dR[i] = SpecialFunctions.DiGamma(r + x) - psiR;
            dA[i] = psiAb - psiAbx;
            dB[i] = psiAb + SpecialFunctions.DiGamma(b + x) - psiB - psiAbx;
        }
        double lnAlpha = Math.Log(alpha), lnA = Math.Log(a);
        double sum = 0, gR = 0, gAlpha = 0, gA = 0, gB = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            double x = rows.X[row], w = rows.Weight[row];
            var j = rows.XIndex[row];
            var lnAlphaT = Math.Log(alpha + rows.Second[row]);
            var a3 = -(r + x) * lnAlphaT;
            double ll, w3 = 1, w4 = 0, lnAlphaTx = 0, bx1 = 1;
            if (x == 0)
            {
                ll = a3;
            }
            else
            {
                bx1 = b + x - 1;
                lnAlphaTx = Math.Log(alpha + rows.First[row]);
                var a4 = lnA - Math.Log(bx1) - (r + x) * lnAlphaTx;
                var max = Math.Max(a3, a4);
                double e3 = Math.Exp(a3 - max), e4 = Math.Exp(a4 - max);
                ll = max + Math.Log(e3 + e4);
                w3 = e3 / (e3 + e4);
                w4 = 1 - w3;
            }
            sum += w * (ll + lnGammaTerm[j] + r * lnAlpha);
            gR += w * (dR[j] + lnAlpha - w3 * lnAlphaT - w4 * lnAlphaTx);
            gAlpha += w * (r / alpha - w3 * (r + x) / (alpha + rows.Second[row]) - (x == 0 ? 0 : w4 * (r + x) / (alpha + rows.First[row])));
            gA += w * (dA[j] + w4 / a);
            gB += w * (dB[j] - w4 / bx1);
        }
        var scale = -1 / rows.TotalWeight;
        gradient[0] = scale * gR * r;
        gradient[1] = scale * gAlpha * alpha;
        gradient[2] = scale * gA * a;
        gradient[3] = scale * gB * b;
        return scale * sum;
    }
}
