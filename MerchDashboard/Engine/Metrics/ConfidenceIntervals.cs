using MathNet.Numerics.Distributions;

namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// Two-sided 95% intervals.
/// <list type="bullet">
/// <item>Mean: x̄ ± t(0.975, n−1) s/√n.</item>
/// <item>Difference of means (Welch): (x̄₁ − x̄₂) ± t(0.975, ν) √(s₁²/n₁ + s₂²/n₂), with the Welch–Satterthwaite
/// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)).</item>
/// <item>Proportion (Wilson score): (p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.95996.</item>
/// <item>Difference of proportions (Newcombe's hybrid score, method 10): with Wilson intervals (l₁, u₁), (l₂, u₂)
/// and d = p̂₁ − p̂₂: [d − √((p̂₁−l₁)² + (u₂−p̂₂)²), d + √((u₁−p̂₁)² + (p̂₂−l₂)²)].</item>
/// </list>
/// Samples too small for an interval (n &lt; 2 for means, n = 0 for proportions) give <see cref="Interval.Undefined"/>.
/// </summary>
public static class ConfidenceIntervals
{
    public const double Level = 0.95;
    private static readonly double Z = Normal.InvCDF(0, 1, 1 - (1 - Level) / 2);

    public static Interval Mean(MeanSample s)
    {
        if (s.N < 2)
        {
            return Interval.Undefined;
        }
        var half = StudentT.InvCDF(0, 1, s.N - 1, 1 - (1 - Level) / 2) * Math.Sqrt(s.Variance / s.N);
        return new Interval(s.Mean - half, s.Mean + half);
    }

    public static Interval WelchDifference(MeanSample arm, MeanSample control)
    {
        if (arm.N < 2 || control.N < 2)
        {
            return Interval.Undefined;
        }
        double v1 = arm.Variance / arm.N, v2 = control.Variance / control.N;
        var difference = arm.Mean - control.Mean;
        if (v1 + v2 == 0)
        {
            return new Interval(difference, difference);
        }
        var df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (arm.N - 1) + v2 * v2 / (control.N - 1));
        var half = StudentT.InvCDF(0, 1, df, 1 - (1 - Level) / 2) * Math.Sqrt(v1 + v2);
        return new Interval(difference - half, difference + half);
    }

    public static Interval Wilson(ProportionSample s)
    {
        if (s.Trials == 0)
        {
            return Interval.Undefined;
        }
        double n = s.Trials, p = s.Rate, z2 = Z * Z;
        var center = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    public static Interval NewcombeDifference(ProportionSample arm, ProportionSample control)
    {
        if (arm.Trials == 0 || control.Trials == 0)
        {
            return Interval.Undefined;
        }
        var (l1, u1) = Wilson(arm);
        var (l2, u2) = Wilson(control);
        double p1 = arm.Rate, p2 = control.Rate, d = p1 - p2;
        return new Interval(
            d - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)),
            d + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)));
    }
}
