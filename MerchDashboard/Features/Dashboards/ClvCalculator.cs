using MerchDashboard.Engine.Clv;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>The personalization tab's predictive CLV: the fit, whether it can be trusted, and its holdout check.</summary>
public static class ClvCalculator
{
    public static ClvFigures Clv(IReadOnlyList<OrderSummary> orders, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(filter);
        var arms = new Dictionary<int, Arm>();
        var transactions = new List<ClvTransaction>(orders.Count);
        foreach (var order in orders)
        {
            if (order.CustomerKey is { } customer)
            {
                arms.TryAdd(customer, order.Arm);
                transactions.Add(new ClvTransaction(customer, DateOnly.FromDateTime(order.PlacedAt), (double)order.Revenue));
            }
        }
        var customers = RfmSummarizer.Summarize(transactions, filter.To, ClvFigures.Period);
        var repeaters = Repeaters(customers);
        if (repeaters < ClvFigures.MinRepeatBuyers)
        {
            var who = repeaters == 1 ? "1 customer" : $"{repeaters:N0} customers";
            return new ClvFigures(null, $"Only {who} bought again (on another day) in the selection; predicting lifetime value " +
                $"needs at least {ClvFigures.MinRepeatBuyers}. Widen the dates or the category.", arms);
        }
        var result = ClvAnalysis.Run(customers, ClvFigures.Period, ClvFigures.HorizonMonths, ClvFigures.MonthlyDiscountRate);
        if (!result.Predictions.All(p => double.IsFinite(p.Clv)))
        {
            return new ClvFigures(null, "The lifetime value models found no finite prediction for this selection (too few repeat buyers).", arms);
        }
        var trust = ClvTrustCheck.Of(result.BgNbd.Parameters, customers, ClvFigures.Period);
        var (holdout, problem) = Holdout(transactions, filter);
        return new ClvFigures(result, null, arms, trust, holdout, problem);
    }

    /// <summary>The holdout check over the selection's last quarter, or why the selection cannot give one.</summary>
    public static (ClvHoldoutCheck? Check, string? Problem) Holdout(IReadOnlyCollection<ClvTransaction> transactions, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(filter);
        if (transactions.Count == 0)
        {
            return (null, "No customer orders in the selection.");
        }
        var first = transactions.Min(t => t.Date);
        var span = filter.To.DayNumber - first.DayNumber;
        var holdoutDays = Math.Max(ClvFigures.MinHoldoutDays, (int)Math.Round(span * ClvFigures.HoldoutShare));
        if (span - holdoutDays < ClvFigures.MinCalibrationDays)
        {
            return (null, $"The selection spans {span:N0} days; a holdout check needs at least {ClvFigures.MinCalibrationDays + ClvFigures.MinHoldoutDays:N0} " +
                "(a calibration period, then a period held out to compare predictions with). Widen the dates.");
        }
        var calibrationEnd = filter.To.AddDays(-holdoutDays);
        var calibration = RfmSummarizer.Summarize(transactions, calibrationEnd, ClvFigures.Period);
        var repeaters = Repeaters(calibration);
        if (repeaters < ClvFigures.MinRepeatBuyers)
        {
            return (null, $"Only {repeaters:N0} customers bought again before {calibrationEnd:yyyy-MM-dd}, when the holdout starts; " +
                $"the check needs at least {ClvFigures.MinRepeatBuyers}. Widen the dates.");
        }
        var fit = ClvFitter.FitBgNbd(calibration);
        return (ClvHoldout.Compare(fit, calibration, ClvHoldout.HoldoutTransactions(transactions, calibrationEnd, filter.To),
            calibrationEnd, filter.To, ClvFigures.Period), null);
    }

    private static int Repeaters(IEnumerable<CustomerRfm> customers) => customers.Count(c => c.Frequency >= 1 && c.MonetaryValue > 0);
}
