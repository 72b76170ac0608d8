namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// Order-level KPIs of a set of orders: AOV = revenue / orders; units per order = units / orders;
/// cross-sell revenue share = cross-sell revenue / revenue. Each is 0 when its denominator is 0.
/// </summary>
public sealed record OrderKpis(int Orders, decimal Revenue, long Units, decimal CrossSellRevenue)
{
    public decimal AverageOrderValue => Orders == 0 ? 0 : Revenue / Orders;

    public double UnitsPerOrder => Orders == 0 ? 0 : (double)Units / Orders;

    public double CrossSellShare => Revenue == 0 ? 0 : (double)(CrossSellRevenue / Revenue);

    public static OrderKpis Of(IEnumerable<OrderSummary> orders)
    {
        int count = 0;
        decimal revenue = 0, crossSell = 0;
        long units = 0;
        foreach (var order in orders)
        {
            count++;
            revenue += order.Revenue;
            units += order.Units;
            crossSell += order.CrossSellRevenue;
        }
        return new OrderKpis(count, revenue, units, crossSell);
    }
}
