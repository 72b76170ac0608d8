namespace MerchDashboard.Engine.Metrics;

/// <summary>A closed interval; NaN bounds when the sample is too small to give one.</summary>
public readonly record struct Interval(double Low, double High)
{
    public static readonly Interval Undefined = new(double.NaN, double.NaN);

    public bool IsDefined => !double.IsNaN(Low) && !double.IsNaN(High);

    /// <summary>True when the whole interval lies on one side of zero: the difference is significant.</summary>
    public bool ExcludesZero => IsDefined && (Low > 0 || High < 0);
}

/// <summary>Size, mean and unbiased variance (n − 1 denominator) of a sample.</summary>
public sealed record MeanSample(long N, double Mean, double Variance)
{
    /// <summary>Welford's one-pass update: stable for a million values of similar size.</summary>
    public static MeanSample Of(IEnumerable<double> values)
    {
        long n = 0;
        double mean = 0, squares = 0;
        foreach (var value in values)
        {
            n++;
            var delta = value - mean;
            mean += delta / n;
            squares += delta * (value - mean);
        }
        return new MeanSample(n, n == 0 ? double.NaN : mean, n < 2 ? double.NaN : squares / (n - 1));
    }
}

/// <summary>Successes out of trials.</summary>
public sealed record ProportionSample(long Successes, long Trials)
{
    public double Rate => Trials == 0 ? double.NaN : (double)Successes / Trials;
}
