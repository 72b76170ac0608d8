namespace MerchDashboard.Engine.Metrics;

/// <summary>Values in [<see cref="From"/>, <see cref="To"/>); the last bin also holds the maximum.</summary>
public readonly record struct HistogramBin(double From, double To, int Count);

public readonly record struct Quantile(double Probability, double Value);

/// <summary>
/// A distribution in numbers: equal-width histogram bins from the minimum to the maximum, and quantiles by linear
/// interpolation between order statistics (Hyndman-Fan type 7, numpy's and R's default: the p-quantile sits at
/// position (n − 1)p of the sorted values).
/// </summary>
public sealed record DistributionSummary(int Count, double Mean, double Min, double Max, IReadOnlyList<Quantile> Quantiles, IReadOnlyList<HistogramBin> Bins)
{
    public static readonly double[] DefaultProbabilities = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

    public static DistributionSummary Of(IEnumerable<double> values, int bins = 20, IReadOnlyList<double>? probabilities = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new DistributionSummary(0, double.NaN, double.NaN, double.NaN, [], []);
        }
        var quantiles = (probabilities ?? DefaultProbabilities).Select(p => new Quantile(p, QuantileOf(sorted, p))).ToArray();
        return new DistributionSummary(sorted.Length, sorted.Average(), sorted[0], sorted[^1], quantiles, Histogram(sorted, bins));
    }

    public static double QuantileOf(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static HistogramBin[] Histogram(double[] sorted, int bins)
    {
        double min = sorted[0], max = sorted[^1];
        if (min == max)
        {
            return [new HistogramBin(min, max, sorted.Length)];
        }
        var width = (max - min) / bins;
        var counts = new int[bins];
        foreach (var value in sorted)
        {
            counts[Math.Min((int)((value - min) / width), bins - 1)]++;
        }
        return [.. counts.Select((c, i) => new HistogramBin(min + i * width, i == bins - 1 ? max : min + (i + 1) * width, c))];
    }
}
