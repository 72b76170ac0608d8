namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// Repeat purchase rate = customers with 2+ orders / customers with 1+ order, and purchase frequency = orders /
/// customers, both over the orders placed in the window [from, to) by known customers.
/// </summary>
public sealed record RepeatSummary(int Customers, int Repeaters, long Orders)
{
    public double RepeatRate => Customers == 0 ? 0 : (double)Repeaters / Customers;
    public double PurchaseFrequency => Customers == 0 ? 0 : (double)Orders / Customers;
}

/// <summary>Historical CLV: a customer's revenue to date (orders before the as-of time) and their order count.</summary>
public readonly record struct CustomerValue(int CustomerKey, int Orders, decimal Revenue);

public static class CustomerActivity
{
    public static RepeatSummary Repeat(IEnumerable<OrderSummary> orders, DateTime from, DateTime to)
    {
        var perCustomer = new Dictionary<int, int>();
        long total = 0;
        foreach (var order in orders)
        {
            if (order is { CustomerKey: { } customer } && order.PlacedAt >= from && order.PlacedAt < to)
            {
                perCustomer[customer] = perCustomer.GetValueOrDefault(customer) + 1;
                total++;
            }
        }
        return new RepeatSummary(perCustomer.Count, perCustomer.Values.Count(n => n >= 2), total);
    }

    public static IReadOnlyList<CustomerValue> HistoricalValue(IEnumerable<OrderSummary> orders, DateTime asOf)
    {
        var values = new Dictionary<int, (int Orders, decimal Revenue)>();
        foreach (var order in orders)
        {
            if (order is { CustomerKey: { } customer } && order.PlacedAt < asOf)
            {
                var (n, revenue) = values.GetValueOrDefault(customer);
                values[customer] = (n + 1, revenue + order.Revenue);
            }
        }
        return [.. values.OrderBy(v => v.Key).Select(v => new CustomerValue(v.Key, v.Value.Orders, v.Value.Revenue))];
    }
}
