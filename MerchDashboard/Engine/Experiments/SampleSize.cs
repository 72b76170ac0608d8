using MathNet.Numerics.Distributions;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

/// <summary>
/// Observations each arm needs to detect a relative change r of a KPI against control with a two-sided test at
/// α = 0.05 and power 0.80 (z₁ = 1.95996, z₂ = 0.84162):
/// <list type="bullet">
/// <item>Mean μ with standard deviation σ (two-sample z approximation): n = ⌈2 (z₁ + z₂)² σ² / (r μ)²⌉.</item>
/// <item>Proportion p against p' = p (1 + r): n = ⌈(z₁ + z₂)² (p(1−p) + p'(1−p')) / (p' − p)²⌉.</item>
/// </list>
/// Null when the baseline cannot give an answer (no data, zero mean or variance, p' outside (0, 1)).
/// </summary>
public static class SampleSize
{
    public const double Alpha = 0.05;
    public const double Power = 0.80;
    private static readonly double ZSum = Normal.InvCDF(0, 1, 1 - Alpha / 2) + Normal.InvCDF(0, 1, Power);

    public static long? ForMean(MeanSample baseline, double relativeEffect)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.N < 2 || !(relativeEffect > 0) || !(baseline.Variance > 0) || !double.IsFinite(baseline.Variance) || !double.IsFinite(baseline.Mean) || baseline.Mean == 0)
        {
            return null;
        }
        var delta = relativeEffect * baseline.Mean;
        return (long)Math.Ceiling(2 * ZSum * ZSum * baseline.Variance / (delta * delta));
    }

    public static long? ForProportion(double rate, double relativeEffect)
    {
        var changed = rate * (1 + relativeEffect);
        if (!(relativeEffect > 0 && rate > 0 && rate < 1 && changed < 1))
        {
            return null;
        }
        var variance = rate * (1 - rate) + changed * (1 - changed);
        var delta = changed - rate;
        return (long)Math.Ceiling(ZSum * ZSum * variance / (delta * delta));
    }
}
