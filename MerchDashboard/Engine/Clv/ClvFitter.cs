namespace MerchDashboard.Engine.Clv;

/// <summary>A fitted BG/NBD model: <see cref="LogLikelihood"/> is the total over <see cref="Customers"/>.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Customers, int Iterations, bool Converged);

/// <summary>A fitted Gamma-Gamma model over the <see cref="Customers"/> with at least one repeat transaction.</summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers, int Iterations, bool Converged);

/// <summary>Maximum-likelihood fits of both models, over identical summaries collapsed into weighted rows.</summary>
public static class ClvFitter
{
    public static BgNbdFit FitBgNbd(IReadOnlyCollection<CustomerRfm> customers)
    {
        if (customers.Count == 0)
        {
            throw new ArgumentException("BG/NBD needs at least one customer", nameof(customers));
        }
        var rows = WeightedRows.From(customers.Select(c => (c.Frequency, c.Recency, c.T)));
        var meanT = Math.Max(customers.Average(c => c.T), 1e-3);
        var outcome = LogSpaceMinimizer.Minimize(
            (theta, gradient) => BgNbdLikelihood.NegativeMean(rows, theta, gradient), [0, Math.Log(meanT), 0, 0]);
        return new BgNbdFit(BgNbdLikelihood.FromLog(outcome.Point), -outcome.Value * rows.TotalWeight,
            customers.Count, outcome.Iterations, outcome.Converged);
    }

    /// <summary>Fits on customers with frequency ≥ 1 and a positive monetary value (lifetimes' convention).</summary>
    public static GammaGammaFit FitGammaGamma(IEnumerable<CustomerRfm> customers)
    {
        var repeaters = customers.Where(c => c.Frequency >= 1 && c.MonetaryValue > 0).ToArray();
        if (repeaters.Length == 0)
        {
            throw new ArgumentException("Gamma-Gamma needs at least one customer with a repeat transaction", nameof(customers));
        }
        var rows = WeightedRows.From(repeaters.Select(c => (c.Frequency, c.MonetaryValue, 0.0)));
        var outcome = LogSpaceMinimizer.Minimize(
            (theta, gradient) => GammaGammaLikelihood.NegativeMean(rows, theta, gradient),
            [0, 0, Math.Log(repeaters.Average(c => c.MonetaryValue))]);
        return new GammaGammaFit(GammaGammaLikelihood.FromLog(outcome.Point), -outcome.Value * rows.TotalWeight,
            repeaters.Length, outcome.Iterations, outcome.Converged);
    }
}
