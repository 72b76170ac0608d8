namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Identical customer summaries collapsed into weighted rows, with each row's index into the distinct
/// frequencies: the lnΓ and digamma terms of both likelihoods depend on the frequency alone, so they are
/// computed once per distinct frequency per evaluation instead of once per customer.
/// </summary>
internal sealed class WeightedRows
{
    private WeightedRows(int[] distinctX, int[] xIndex, double[] x, double[] first, double[] second, double[] weight)
    {
        DistinctX = distinctX;
        XIndex = xIndex;
        X = x;
        First = first;
        Second = second;
        Weight = weight;
        TotalWeight = weight.Sum();
    }

    public int[] DistinctX { get; }
    public int[] XIndex { get; }
    public double[] X { get; }
    /// <summary>tₓ for BG/NBD, the monetary value for Gamma-Gamma.</summary>
    public double[] First { get; }
    /// <summary>T for BG/NBD, unused (0) for Gamma-Gamma.</summary>
    public double[] Second { get; }
    public double[] Weight { get; }
    public double TotalWeight { get; }
    public int Count => X.Length;

    public static WeightedRows From(IEnumerable<(int X, double First, double Second)> customers)
    {
        var counts = new Dictionary<(int, double, double), int>();
        foreach (var key in customers)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var rows = counts.OrderBy(c => c.Key.Item1).ToArray();
        var distinct = rows.Select(r => r.Key.Item1).Distinct().ToArray();
        var indexOf = distinct.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        return new WeightedRows(
            distinct,
            [.. rows.Select(r => indexOf[r.Key.Item1])],
            [.. rows.Select(r => (double)r.Key.Item1)],
            [.. rows.Select(r => r.Key.Item2)],
            [.. rows.Select(r => r.Key.Item3)],
            [.. rows.Select(r => (double)r.Value)]);
    }
}
