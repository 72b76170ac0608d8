using System.Runtime.InteropServices;
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
        var weeks = new Dictionary<int, KpiAccumulator>();
        foreach (var order in orders)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(weeks, WeekStart(order.PlacedAt).DayNumber, out _).Add(order, lists);
        }
        return [.. weeks.OrderBy(w => w.Key).Select(w =>
        {
            var day = DateOnly.FromDayNumber(w.Key).ToDateTime(TimeOnly.MinValue);
            return new WeeklyPoint(DateOnly.FromDayNumber(w.Key), ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day), w.Value.Kpis, w.Value.Attach);
        })];
    }

    /// <summary>The Monday of the time's ISO week (day number 0, 0001-01-01, was a Monday).</summary>
    public static DateOnly WeekStart(DateTime time)
    {
        var day = (int)(time.Ticks / TimeSpan.TicksPerDay);
        return DateOnly.FromDayNumber(day - day % 7);
    }
}
