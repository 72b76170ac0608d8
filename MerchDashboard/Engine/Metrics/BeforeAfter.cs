namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// The orders of one side of a before/after comparison: <see cref="Days"/> calendar days, their order KPIs, orders and
/// revenue per day, and the per-order revenue sample (for the AOV interval).
/// </summary>
public sealed record PeriodFigures(DateOnly From, DateOnly To, OrderKpis Kpis, MeanSample OrderRevenue)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public double OrdersPerDay => (double)Kpis.Orders / Days;

    public double RevenuePerDay => (double)Kpis.Revenue / Days;

    public Interval AverageOrderValueInterval => ConfidenceIntervals.Mean(OrderRevenue);
}

/// <summary>
/// Orders before a change date (From to the day before it) against orders from it (to To), for stores without an
/// experiment: AOV difference with its 95% Welch interval, and the changes in orders and revenue per day and in the
/// cross-sell share. Not an experiment: seasons and promotions move these figures too, which the page says.
/// </summary>
public sealed record BeforeAfterComparison(DateOnly ChangeDate, PeriodFigures Before, PeriodFigures After)
{
    public double AverageOrderValueDifference => (double)(After.Kpis.AverageOrderValue - Before.Kpis.AverageOrderValue);

    public Interval AverageOrderValueDifferenceInterval => ConfidenceIntervals.WelchDifference(After.OrderRevenue, Before.OrderRevenue);

    /// <summary>
    /// Splits time-sorted orders at <paramref name="changeDate"/> (midnight UTC); null when the date does not fall
    /// strictly inside [from, to], so one side would be empty of days.
    /// </summary>
    public static BeforeAfterComparison? Of(IReadOnlyList<OrderSummary> orders, DateOnly from, DateOnly to, DateOnly changeDate)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (changeDate <= from || changeDate > to)
        {
            return null;
        }
        var split = changeDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new BeforeAfterComparison(changeDate,
            Side(orders.Where(o => o.PlacedAt < split), from, changeDate.AddDays(-1)),
            Side(orders.Where(o => o.PlacedAt >= split), changeDate, to));
    }

    private static PeriodFigures Side(IEnumerable<OrderSummary> orders, DateOnly from, DateOnly to)
    {
        var list = orders.ToArray();
        return new PeriodFigures(from, to, OrderKpis.Of(list), MeanSample.Of(list.Select(o => (double)o.Revenue)));
    }
}
