namespace MerchDashboard.Engine.Clv;

/// <summary>A customer's summary with its predictions over the horizon.</summary>
public sealed record ClvPrediction(
    int CustomerKey, int Frequency, double Recency, double T, double MonetaryValue,
    double ExpectedPurchases, double ProbabilityAlive, double ExpectedAverageValue, double Clv);

/// <summary>
/// Predictive CLV over H months at a monthly discount rate d (lifetimes' customer_lifetime_value):
/// CLV = Σᵢ₌₁..H E[M] · (E[X(i·k)] − E[X((i−1)·k)]) / (1+d)^i, with E[X(t)] the BG/NBD conditional expectation,
/// E[M] the Gamma-Gamma expected average value and k the periods per month (30.4375 days / period length;
/// lifetimes uses 30 days or 4.345 weeks). Expected purchases are over the same H months.
/// </summary>
public static class ClvPredictor
{
    public static IReadOnlyList<ClvPrediction> Predict(BgNbdParameters bgNbd, GammaGammaParameters gammaGamma,
        IEnumerable<CustomerRfm> customers, ClvPeriod period, int horizonMonths, double monthlyDiscountRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizonMonths);
        var discounts = Enumerable.Range(1, horizonMonths).Select(i => 1 / Math.Pow(1 + monthlyDiscountRate, i)).ToArray();
        var cache = new Dictionary<(int, double, double), (double[] Cumulative, double Alive)>();
        var result = new List<ClvPrediction>();
        foreach (var c in customers)
        {
            var key = (c.Frequency, c.Recency, c.T);
            if (!cache.TryGetValue(key, out var curve))
            {
                curve = (CumulativePurchases(bgNbd, c, period, horizonMonths), bgNbd.ProbabilityAlive(c.Frequency, c.Recency, c.T));
                cache[key] = curve;
            }
            var value = gammaGamma.ExpectedAverageValue(c.Frequency, c.MonetaryValue);
            var clv = 0.0;
            for (var i = 1; i <= horizonMonths; i++)
            {
                clv += value * (curve.Cumulative[i] - curve.Cumulative[i - 1]) * discounts[i - 1];
            }
            result.Add(new ClvPrediction(c.CustomerKey, c.Frequency, c.Recency, c.T, c.MonetaryValue,
                curve.Cumulative[horizonMonths], curve.Alive, value, clv));
        }
        return result;
    }

    private static double[] CumulativePurchases(BgNbdParameters bgNbd, CustomerRfm c, ClvPeriod period, int months)
    {
        var cumulative = new double[months + 1];
        for (var i = 1; i <= months; i++)
        {
            cumulative[i] = bgNbd.ExpectedPurchases(i * period.PerMonth, c.Frequency, c.Recency, c.T);
        }
        return cumulative;
    }
}
