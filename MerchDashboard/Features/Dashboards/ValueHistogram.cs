using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>Customers with a value in [<see cref="From"/>, <see cref="To"/>); the last bin has no upper end.</summary>
public readonly record struct ValueBin(double From, double? To, int Count);

/// <summary>
/// A histogram a manager can read: bins of a round width (1, 2 or 5 × 10ᵏ) from 0 up to the 99th percentile, so a
/// few very large values do not squeeze everyone else into the first bar, and one open bin for the values above.
/// </summary>
public static class ValueHistogram
{
    private static readonly int[] Multiples = [1, 2, 5, 10];

    public static IReadOnlyList<ValueBin> Of(IEnumerable<double> values, int targetBins = 20)
    {
        var sorted = values.Select(v => Math.Max(0, v)).ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }
        Array.Sort(sorted);
        var cap = DistributionSummary.QuantileOf(sorted, 0.99);
        var width = RoundWidth((cap > 0 ? cap : Math.Max(sorted[^1], 1)) / targetBins);
        var closed = Math.Max(1, (int)Math.Ceiling(cap / width));
        var counts = new int[closed + 1];
        foreach (var value in sorted)
        {
            counts[Math.Min((int)(value / width), closed)]++;
        }
        var bins = Enumerable.Range(0, closed).Select(i => new ValueBin(i * width, (i + 1) * width, counts[i])).ToList();
        if (counts[closed] > 0)
        {
            bins.Add(new ValueBin(closed * width, null, counts[closed]));
        }
        return bins;
    }

    /// <summary>The smallest of 1, 2, 5 × 10ᵏ at least <paramref name="raw"/>.</summary>
    public static double RoundWidth(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return Multiples.Select(m => m * power).First(w => w >= raw * (1 - 1e-12));
    }
}
