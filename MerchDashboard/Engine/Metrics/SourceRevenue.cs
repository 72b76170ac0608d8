namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// Revenue of one ISO week split by the widget that sold each line: organic = revenue − cross-sell − personalized.
/// </summary>
public sealed record SourceRevenuePoint(DateOnly WeekStart, decimal Organic, decimal CrossSell, decimal Personalized)
{
    public decimal Total => Organic + CrossSell + Personalized;
}

/// <summary>Weekly revenue by widget source (organic, cross-sell, personalized); weeks without orders are absent.</summary>
public static class SourceRevenue
{
    public static IReadOnlyList<SourceRevenuePoint> Weekly(IEnumerable<OrderSummary> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var weeks = new SortedDictionary<DateOnly, (decimal Revenue, decimal CrossSell, decimal Personalized)>();
        foreach (var order in orders)
        {
            var week = WeeklyTrends.WeekStart(order.PlacedAt);
            var sum = weeks.GetValueOrDefault(week);
            weeks[week] = (sum.Revenue + order.Revenue, sum.CrossSell + order.CrossSellRevenue, sum.Personalized + order.PersonalizedRevenue);
        }
        return [.. weeks.Select(w => new SourceRevenuePoint(w.Key, w.Value.Revenue - w.Value.CrossSell - w.Value.Personalized,
            w.Value.CrossSell, w.Value.Personalized))];
    }
}
