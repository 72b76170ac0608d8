namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Customers whose calibration frequency is <see cref="Frequency"/> (or more, for the last bucket), with the mean
/// number of holdout transactions the BG/NBD fit predicted for them and the mean they actually made.
/// </summary>
public sealed record HoldoutBucket(int Frequency, bool AndMore, int Customers, double PredictedMean, double ActualMean)
{
    public string Label => AndMore ? $"{Frequency}+" : $"{Frequency}";
}

/// <summary>
/// A calibration/holdout check of a BG/NBD fit: fitted on the transactions up to <see cref="CalibrationEnd"/>, then
/// asked how many transactions each customer makes in the <see cref="HoldoutPeriods"/> after it (to
/// <see cref="HoldoutEnd"/>), compared with what they did.
/// </summary>
public sealed record ClvHoldoutCheck(
    DateOnly CalibrationEnd,
    DateOnly HoldoutEnd,
    double HoldoutPeriods,
    BgNbdFit Fit,
    IReadOnlyList<HoldoutBucket> Buckets,
    int Customers,
    double PredictedTotal,
    double ActualTotal)
{
    /// <summary>(predicted − actual) / actual over all customers; NaN when nobody bought in the holdout.</summary>
    public double RelativeError => ActualTotal == 0 ? double.NaN : (PredictedTotal - ActualTotal) / ActualTotal;
}

/// <summary>
/// The lifetimes library's calibration_and_holdout_data with plot_calibration_purchases_vs_holdout_purchases: customers
/// whose first transaction is on or before the calibration end are summarized there (<see cref="RfmSummarizer"/>);
/// their holdout transactions are their distinct purchase days after the calibration end up to the holdout end
/// (both ends included in their period); each customer's prediction is E[X(t) | x, tₓ, T] with t the holdout length;
/// customers are grouped by calibration frequency 0, 1, …, with <see cref="LastBucket"/> and more in one bucket
/// (lifetimes cuts the plot there instead), and each bucket compares the mean prediction with the mean actual.
/// </summary>
public static class ClvHoldout
{
    public const int LastBucket = 6;

    public static ClvHoldoutCheck Run(IReadOnlyCollection<ClvTransaction> transactions, DateOnly calibrationEnd, DateOnly holdoutEnd, ClvPeriod period)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(period);
        if (holdoutEnd <= calibrationEnd)
        {
            throw new ArgumentException("The holdout must end after the calibration end", nameof(holdoutEnd));
        }
        var calibration = RfmSummarizer.Summarize(transactions, calibrationEnd, period);
        var fit = ClvFitter.FitBgNbd(calibration);
        return Compare(fit, calibration, HoldoutTransactions(transactions, calibrationEnd, holdoutEnd), calibrationEnd, holdoutEnd, period);
    }

    /// <summary>Distinct purchase days per customer after the calibration end, up to and including the holdout end.</summary>
    public static IReadOnlyDictionary<int, int> HoldoutTransactions(IEnumerable<ClvTransaction> transactions, DateOnly calibrationEnd, DateOnly holdoutEnd) =>
        transactions.Where(t => t.Date > calibrationEnd && t.Date <= holdoutEnd)
            .Select(t => (t.CustomerKey, t.Date)).Distinct()
            .GroupBy(t => t.CustomerKey).ToDictionary(g => g.Key, g => g.Count());

    public static ClvHoldoutCheck Compare(BgNbdFit fit, IReadOnlyList<CustomerRfm> calibration, IReadOnlyDictionary<int, int> holdout,
        DateOnly calibrationEnd, DateOnly holdoutEnd, ClvPeriod period)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(period);
        var horizon = period.FromDays(holdoutEnd.DayNumber - calibrationEnd.DayNumber);
        // Customers with the same summary share a prediction: daily dates make these repeat a lot.
        var predictions = new Dictionary<(int, double, double), double>();
        double Predict(CustomerRfm c)
        {
            if (!predictions.TryGetValue((c.Frequency, c.Recency, c.T), out var expected))
            {
                expected = fit.Parameters.ExpectedPurchases(horizon, c.Frequency, c.Recency, c.T);
                predictions[(c.Frequency, c.Recency, c.T)] = expected;
            }
            return expected;
        }
        var rows = calibration.Select(c => (Bucket: Math.Min(c.Frequency, LastBucket),
            Predicted: Predict(c),
            Actual: (double)holdout.GetValueOrDefault(c.CustomerKey))).ToArray();
        var buckets = rows.GroupBy(r => r.Bucket).OrderBy(g => g.Key)
            .Select(g => new HoldoutBucket(g.Key, g.Key == LastBucket, g.Count(), g.Average(r => r.Predicted), g.Average(r => r.Actual)))
            .ToArray();
        return new ClvHoldoutCheck(calibrationEnd, holdoutEnd, horizon, fit, buckets, rows.Length,
            rows.Sum(r => r.Predicted), rows.Sum(r => r.Actual));
    }
}
