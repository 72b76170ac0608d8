using System.Globalization;

namespace MerchDashboard.Engine.Metrics;

/// <summary>One ISO week (Monday to Sunday, UTC) of order KPIs and the site attach rate of its orders.</summary>
public sealed record WeeklyPoint(DateOnly WeekStart, int IsoYear, int IsoWeek, OrderKpis Kpis, AttachCount Attach)
{
    public decimal AverageOrderValue => Kpis.AverageOrderValue;
    public double UnitsPerOrder => Kpis.UnitsPerOrder;
    public double AttachRate => Attach.Rate;
    public double CrossSellShare => Kpis.CrossSellShare;
}

/// <summary>Weekly trends of AOV, units per order, attach rate and cross-sell share; weeks without orders are absent.</summary>
public static class WeeklyTrends
{
    public static IReadOnlyList<WeeklyPoint> Compute(IEnumerable<OrderSummary> orders, FrequentlyBoughtWith lists)
    {
        var weeks = new Dictionary<DateOnly, (OrderKpis Kpis, long Anchors, long Attached)>();
        foreach (var order in orders)
        {
            var start = WeekStart(order.PlacedAt);
            var (kpis, anchors, attached) = weeks.GetValueOrDefault(start, (OrderKpis.Empty, 0, 0));
            var (orderAnchors, orderAttached) = AttachRates.CountOrder(order, lists);
            weeks[start] = (kpis.Add(order), anchors + orderAnchors, attached + orderAttached);
        }
        return [.. weeks.OrderBy(w => w.Key).Select(w =>
        {
            var day = w.Key.ToDateTime(TimeOnly.MinValue);
            return new WeeklyPoint(w.Key, ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day), w.Value.Kpis, new AttachCount(0, w.Value.Anchors, w.Value.Attached));
        })];
    }

    public static DateOnly WeekStart(DateTime time)
    {
        var day = DateOnly.FromDateTime(time);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
